"""Every figure of the Summary and breakdown sheets, recomputed from the Cases and Findings sheets;
the charts, tables, formats and print settings of the file."""
from __future__ import annotations

import zipfile
from collections import defaultdict
from datetime import datetime

import pytest
from openpyxl import load_workbook

from tests.workbench.helpers import standing_reviews, workspace
from tests.workbench.test_report_data import build_workspace, excel_percentile, wilson
from workbench.report import sheets, summary_sheets
from workbench.stats.distributions import t_quantile_upper
from foundation.errors import WorkbenchError
from workbench.report.workbook import write_workbook
from workbench.report.figures import ReportFilter
from workbench.stats.intervals import clopper_pearson

REVIEWED = {"Completed", "Signed off"}
WITHOUT_ERROR = {"Compliant", "Defect"}
SEVERITIES = ("Critical", "Major", "Minor", "Advisory")


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    db = workspace(folder)
    info = build_workspace(db, cases=120, seed=11)
    out = folder / "report.xlsx"
    write_workbook(db, out, target=0.6)
    round_out = folder / "round.xlsx"
    write_workbook(db, round_out, report_filter=ReportFilter(round_name="2023 Q1"))
    yield {"db": db, "info": info, "out": out, "round_out": round_out,
           "book": load_workbook(out), "round_book": load_workbook(round_out)}
    db.close()


def records(sheet) -> list[dict]:
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row)) for row in rows[1:] if any(v is not None for v in row)]


def summary_rows(sheet) -> dict[str, tuple]:
    return {row[0]: row[1:] for row in sheet.iter_rows(values_only=True) if isinstance(row[0], str)}


def expected_group(cases: list[dict], findings: list[dict]) -> dict:
    reviewed = [c for c in cases if c["Review status"] in REVIEWED]
    compliant = sum(c["Verdict"] in WITHOUT_ERROR for c in reviewed)
    rate, low, high = wilson(compliant, len(reviewed))
    minutes = [c["Active minutes"] for c in reviewed if c["Active minutes"] is not None]
    counted = [f for f in findings if f["Review status"] in REVIEWED]
    return {
        "Cases": len(cases), "Reviewed": len(reviewed), "Compliant": compliant,
        "Compliance rate": rate, "95% low": low, "95% high": high,
        "Defects": sum(c["Verdict"] == "Defect" for c in reviewed),
        "Errors": sum(c["Verdict"] == "Error" for c in reviewed),
        **{s: sum(f["Severity"] == s for f in counted) for s in SEVERITIES},
        "Findings": len(counted),
        "Median review minutes": excel_percentile(minutes, 0.5),
    }


def assert_same(actual: dict, expected: dict, where: str) -> None:
    for key, value in expected.items():
        if isinstance(value, float):
            assert actual[key] == pytest.approx(value), f"{where}: {key}"
        else:
            assert actual[key] == value, f"{where}: {key}"


@pytest.mark.parametrize("sheet, keys", [("By department", ("Department",)),
                                         ("By examiner", ("Department", "Examiner")),
                                         ("By IP type", ("IP type",))])
def test_breakdowns_recomputed_from_cases_and_findings(exported, sheet, keys):
    book = exported["book"]
    cases, findings = records(book["Cases"]), records(book["Findings"])
    rows = records(book[sheet])
    assert len(rows) == len({tuple(c[k] for k in keys) for c in cases})
    for row in rows:
        key = tuple(row[k] for k in keys)
        expected = expected_group([c for c in cases if tuple(c[k] for k in keys) == key],
                                  [f for f in findings if tuple(f[k] for k in keys) == key])
        assert_same(row, expected, f"{sheet} {key}")


def test_summary_recomputed_from_cases_and_findings(exported):
    book = exported["book"]
    cases, findings = records(book["Cases"]), records(book["Findings"])
    summary = summary_rows(book["Summary"])
    overall = expected_group(cases, findings)
    reviewed = [c for c in cases if c["Review status"] in REVIEWED]
    assert summary["Population (cases)"][0] == summary["Cases in this report"][0] == len(cases) == 120
    assert summary["Reviewed (completed or signed off)"][0] == overall["Reviewed"]
    assert summary["Review in progress"][0] == sum(c["Review status"] == "In progress" for c in cases)
    assert summary["Not reviewed"][0] == sum(c["Review status"] in ("Not reviewed", "Open") for c in cases)
    assert summary["Target compliance rate"][0] == 0.6
    compliance = summary["Compliance rate"]
    assert compliance[:3] == pytest.approx((overall["Compliance rate"], overall["95% low"], overall["95% high"]))
    assert compliance[3:5] == (overall["Compliant"], overall["Reviewed"])
    for label, verdict in (("Defect rate", "Defect"), ("Error rate", "Error")):
        k = sum(c["Verdict"] == verdict for c in reviewed)
        assert summary[label][:5] == pytest.approx((*wilson(k, len(reviewed)), k, len(reviewed)))
    for severity in SEVERITIES:
        assert summary[severity][0] == overall[severity]
    assert summary["Total"][0] == overall["Findings"]
    minutes = [c["Active minutes"] for c in reviewed if c["Active minutes"] is not None]
    assert summary["Median active review minutes per case"][0] == pytest.approx(excel_percentile(minutes, 0.5))
    assert summary["90th percentile of active review minutes"][0] == pytest.approx(excel_percentile(minutes, 0.9))
    assert summary["Median active review minutes per case"][3] == len(minutes)
    for ip_type in ("Invention", "Utility model", "Design", "Trademark"):
        days = [(c["Decision date"] - c["Filing date"]).days for c in cases
                if c["IP type"] == ip_type and c["Filing date"] and c["Decision date"]]
        row = summary[f"Median pendency, filing to decision (days): {ip_type}"]
        assert (row[0], row[3]) == (excel_percentile(days, 0.5), len(days))


def test_summary_blocks_behind_the_charts(exported):
    book = exported["book"]
    cases, findings = records(book["Cases"]), records(book["Findings"])
    sheet = book["Summary"]
    rows = list(sheet.iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if r[0] == "Compliance by department")
    departments = {}
    for row in rows[start + 1:]:
        if row[0] is None:
            break
        departments[row[0]] = row
    for department, row in departments.items():
        expected = expected_group([c for c in cases if c["Department"] == department], [])
        assert row[1:6] == pytest.approx((expected["Reviewed"], expected["Compliant"], expected["Compliance rate"],
                                          expected["95% low"], expected["95% high"]))
        # The chart's helper columns (interval minus and plus) are L and M, hidden, not printed.
        assert row[11] == pytest.approx(row[3] - row[4]) and row[12] == pytest.approx(row[5] - row[3])
        assert row[6:11] == (None,) * 5
    start = next(i for i, r in enumerate(rows) if r[0] == "Findings by error category")
    counted = [f for f in findings if f["Review status"] in REVIEWED]
    by_category = defaultdict(int)
    for f in counted:
        by_category[f["Category"]] += 1
    block = [r for r in rows[start + 1:start + 1 + len(by_category)]]
    assert [(r[0], r[1]) for r in block] == sorted(by_category.items(), key=lambda kv: (-kv[1], kv[0]))
    running = 0
    for row in block:
        running += row[1]
        assert row[2] == pytest.approx(row[1] / len(counted)) and row[3] == pytest.approx(running / len(counted))


def test_checklist_items_recomputed_from_answers(exported):
    book = exported["book"]
    answers = records(book["Answers"])
    rows = records(book["By checklist item"])
    assert [r["Failed"] for r in rows] == sorted((r["Failed"] for r in rows), reverse=True)
    assert len(rows) == len({(a["Checklist"], a["Item"]) for a in answers})
    for row in rows:
        mine = [a for a in answers if (a["Checklist"], a["Item"]) == (row["Checklist"], row["Item"])]
        applicable = sum(a["Outcome"] != "N/A" for a in mine)
        failed = sum(a["Outcome"] == "Fail" for a in mine)
        assert (row["Applicable"], row["Failed"]) == (applicable, failed), row["Item"]
        assert (row["Failure rate"], row["95% low"], row["95% high"]) == pytest.approx(wilson(failed, applicable))
    total = sum(r["Failed"] for r in rows)
    running = 0
    for row in rows:
        running += row["Failed"]
        assert row["Share of failures"] == pytest.approx(row["Failed"] / total)
        assert row["Cumulative share"] == pytest.approx(running / total)
    assert {r["Item"]: r["Guideline reference"] for r in rows}["search"] == "GPE II-7"


@pytest.mark.parametrize("book_name", ["book", "round_book"])
def test_findings_and_answers_hold_exactly_what_the_summary_counts(exported, book_name):
    book, db = exported[book_name], exported["db"]
    cases, findings, answers = records(book["Cases"]), records(book["Findings"]), records(book["Answers"])
    summary = summary_rows(book["Summary"])
    reviewed = {c["Application number"] for c in cases if c["Review status"] in REVIEWED}
    assert {f["Review status"] for f in findings} <= REVIEWED            # no review still in progress
    assert len(findings) == summary["Total"][0] == sum(summary[s][0] for s in SEVERITIES)
    fails = sorted((a["Application number"], a["Item"], a["Severity"], a["Category"])
                   for a in answers if a["Outcome"] == "Fail")
    assert fails == sorted((f["Application number"], f["Item"], f["Severity"], f["Category"]) for f in findings)
    assert {a["Application number"] for a in answers} <= reviewed
    per_case = defaultdict(int)
    for f in findings:
        per_case[f["Application number"]] += 1
    for c in cases:               # a case's "Findings" column counts its listed findings (0 while in progress)
        assert c["Findings"] == per_case[c["Application number"]], c["Application number"]
    in_progress = db.execute("SELECT COUNT(*) FROM answers a JOIN reviews r ON r.id = a.review_id"
                             " WHERE r.status = 'in_progress' AND a.outcome = 'fail'").fetchone()[0]
    assert in_progress > 0 or book_name == "round_book"     # the fixture has findings that must be left out


def test_stratified_round_summary(exported):
    book, db, info = exported["round_book"], exported["db"], exported["info"]
    cases = records(book["Cases"])
    summary = summary_rows(book["Summary"])
    assert len(cases) == len(info["drawn"]) == summary["Sample (cases drawn)"][0]
    assert summary["Round"][0] == "2023 Q1" and summary["Seed"][0] == 4242
    assert summary["Sampling method"][0] == "Stratified"      # the window's word (resources/glossary.json)
    populations = dict(db.execute("SELECT stratum, population FROM round_strata"))
    strata = defaultdict(lambda: [0, 0])
    for c in cases:
        if c["Review status"] in REVIEWED:
            strata[c["Stratum"]][0] += 1
            strata[c["Stratum"]][1] += c["Verdict"] in WITHOUT_ERROR
    total = sum(populations[s] for s in strata)
    estimate = sum(populations[s] / total * k / n for s, (n, k) in strata.items())
    variance = sum((populations[s] / total) ** 2 * (1 - n / populations[s]) * (k / n) * (1 - k / n) / (n - 1)
                   for s, (n, k) in strata.items() if n > 1)
    row = summary["Compliance rate (stratified estimate)"]
    assert row[0] == pytest.approx(estimate)
    # Korn-Graubard, recomputed from the Cases sheet (no stratum of this round has a single reviewed case).
    assert all(n > 1 for n, _ in strata.values())
    n = sum(n for n, _ in strata.values())
    effective = estimate * (1 - estimate) / variance * (
        t_quantile_upper(0.05, n - 1) / t_quantile_upper(0.05, n - len(strata))) ** 2
    low, high = clopper_pearson(effective * estimate, effective, 0.95)
    assert row[1:3] == (pytest.approx(low), pytest.approx(high))
    # One estimator: defect and error rates are stratified too, and compliance + error = 100%.
    error = summary["Error rate (stratified estimate)"]
    assert row[0] + error[0] == pytest.approx(1.0)
    assert (error[1], error[2]) == (pytest.approx(1 - high), pytest.approx(1 - low))
    assert "Compliance rate (unweighted)" not in summary and "Error rate" not in summary
    # The Summary names the estimator; its formulas are on the About sheet (the Summary keeps to one page).
    notes = [k for k in summary if k.startswith("Every rate of this report")]
    assert notes and "Korn-Graubard 95% interval" in notes[0] and "About sheet" in notes[0]
    about = {r[0]: r[1] for r in book["About"].iter_rows(values_only=True) if r[0]}
    assert "Korn & Graubard (1998" in about["Estimator"] and "svyciprop" in about["Estimator"]
    assert about["Seed"] == 4242 and about["Sampling plan"].startswith("method: Stratified; ")
    assert '"stratified"' in about["Sampling plan (as stored, JSON)"]
    assert about["Round"] == "2023 Q1"


def test_a_period_within_a_stratified_round_says_why_there_is_no_stratified_estimate(exported, tmp_path):
    from datetime import date
    out = tmp_path / "part.xlsx"
    write_workbook(exported["db"], out, report_filter=ReportFilter(round_name="2023 Q1", date_from=date(2021, 1, 1)))
    summary = summary_rows(load_workbook(out)["Summary"])
    assert "Compliance rate" in summary and "Compliance rate (stratified estimate)" not in summary
    assert any(k.startswith("No stratified estimate: a period narrows the round") for k in summary)


def test_charts_are_in_the_file(exported):
    sheet = exported["book"]["Summary"]
    assert len(sheet._charts) == 2
    with zipfile.ZipFile(exported["out"]) as archive:
        charts = sorted(n for n in archive.namelist() if n.startswith("xl/charts/chart"))
        # The Summary's two, then the Trend sheet's line chart and the Funnel sheet's two scatter charts.
        assert charts == [f"xl/charts/chart{n}.xml" for n in range(1, 6)]
        bar = archive.read("xl/charts/chart1.xml").decode()
        pareto = archive.read("xl/charts/chart2.xml").decode()
    assert '<barDir val="bar" />' in bar and "<errBars>" in bar
    assert bar.index("<plus>") < bar.index("<minus>")           # the schema's order
    assert "<strRef><f>'Summary'!$A$" in bar                     # department names as text
    assert '<barDir val="col" />' in pareto and "<lineChart>" in pareto


def test_each_data_sheet_is_a_filtered_table_with_frozen_header_and_print_setup(exported):
    book = exported["book"]
    for name in ("By department", "By examiner", "By IP type", "By checklist item", "Findings", "Answers", "Cases"):
        sheet = book[name]
        (table,) = sheet.tables.values()
        last_column = sheet.cell(row=1, column=sheet.max_column).column_letter
        assert table.ref == f"A1:{last_column}{sheet.max_row}", name
        assert table.autoFilter is not None and table.autoFilter.ref == table.ref
        assert [c.name for c in table.tableColumns] == [c.value for c in sheet[1]]
        assert sheet.freeze_panes == "A2"
        assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$1:$1"
        widths = [sheet.column_dimensions[c.column_letter].width for c in sheet[1]]
        assert all(8 <= w <= 60 for w in widths), (name, widths)


def test_real_number_and_date_formats(exported):
    book = exported["book"]
    row = book["By department"][2]
    header = [c.value for c in book["By department"][1]]
    assert row[header.index("Compliance rate")].number_format == "0.0%"
    assert isinstance(row[header.index("Compliance rate")].value, float)
    cases = book["Cases"]
    header = [c.value for c in cases[1]]
    filing = cases[2][header.index("Filing date")]
    assert isinstance(filing.value, datetime) and filing.number_format == "yyyy-mm-dd"
    minutes = next(r[header.index("Active minutes")] for r in cases.iter_rows(min_row=2)
                   if r[header.index("Active minutes")].value is not None)
    assert minutes.number_format == "0.0"
    summary = book["Summary"]
    target = next(r[1] for r in summary.iter_rows() if r[0].value == "Target compliance rate")
    assert target.number_format == "0.0%"


def test_rows_below_target_are_highlighted_by_conditional_formatting(exported):
    sheet = exported["book"]["By department"]
    header = [c.value for c in sheet[1]]
    high = sheet.cell(row=1, column=header.index("95% high") + 1).column_letter
    (rules,) = [(str(cf.sqref), cf.rules) for cf in sheet.conditional_formatting]
    sqref, (rule,) = rules
    assert sqref == f"A2:{sheet.cell(row=1, column=sheet.max_column).column_letter}{sheet.max_row}"
    assert rule.formula == [f"AND(ISNUMBER(${high}2),${high}2<0.6)"]
    assert rule.dxf.fill.bgColor.rgb.endswith("FFC7CE")


def test_chinese_workbook(exported, tmp_path):
    out = tmp_path / "zh.xlsx"
    write_workbook(exported["db"], out, language="zh")
    book = load_workbook(out)
    # No round, no finding sent to an examiner, no case screened: no By stratum, Calibration, Disputes
    # or Screening yield sheet.
    assert book.sheetnames == [sheets.SHEETS[k].zh for k in sheets.SHEETS
                               if k not in ("stratum", "calibration", "disputes", "screening")]
    assert [c.value for c in book["按部门"][1]][:5] == ["审查部门", "案件数", "已评查", "合格", "合格率"]
    statuses = {r[0] for r in book["案件"].iter_rows(min_row=2, min_col=12, max_col=12, values_only=True)}
    assert statuses <= {"未评查", "待评查", "评查中", "已完成", "已确认"}
    summary = summary_rows(book["汇总"])
    assert "合格率" in summary and "目标合格率" in summary
    assert len(book["汇总"]._charts) == 2


def test_empty_workspace_still_gives_a_valid_workbook(tmp_path):
    db = workspace(tmp_path)
    out = tmp_path / "empty.xlsx"
    result = write_workbook(db, out)
    assert (result.cases, result.findings, result.charts) == (0, 0, 0)
    book = load_workbook(out)
    for name in ("Findings", "Cases", "By department"):
        (table,) = book[name].tables.values()
        assert table.ref.endswith("2")          # the header and one empty row: Excel's empty table
    assert summary_rows(book["Summary"])["Compliance rate"][0] is None


def test_failure_midway_leaves_no_file(exported, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")
    monkeypatch.setattr(summary_sheets, "write_about", broken)
    with pytest.raises(RuntimeError):
        write_workbook(exported["db"], tmp_path / "r.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_unknown_round_writes_nothing(exported, tmp_path):
    with pytest.raises(WorkbenchError) as caught:
        write_workbook(exported["db"], tmp_path / "r.xlsx", report_filter=ReportFilter(round_name="nope"))
    assert caught.value.code == "report.unknown_round"
    assert list(tmp_path.iterdir()) == []


def test_injected_text_stays_text_in_every_sheet(exported):
    for book in (exported["book"], exported["round_book"]):
        for sheet in book:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate}"
                    if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@", "\t", "\r")):
                        assert cell.quotePrefix, f"{sheet.title}!{cell.coordinate}"   # kept as text by its style
    titles = {c["Title"] for c in records(exported["book"]["Cases"])}
    assert "=HYPERLINK(\"x\")" in titles and "+1" in titles and "#N/A" in titles
    stored = {t for (t,) in exported["db"].execute("SELECT title FROM cases")}
    assert titles - {None} <= stored                     # every title exactly as imported, no apostrophe
    cell = next(c for c in exported["book"]["Cases"]["C"] if c.value == "#N/A")
    assert cell.data_type == "s"          # text, not Excel's error value
