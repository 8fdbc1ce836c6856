"""The workbook's Disputes sheet and the Summary's dispute rows (issue 15): shown only when findings were
sent (the Summary's rows only when one was disputed), every figure read back equal to the dispute
figures, one page wide, the Summary still on one page at 9 pt or more, no English word in the Chinese
workbook that the user did not type."""
from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from db.connection import open_database
from tests.workbench import dispute_helpers as dh
from tests.workbench import test_excel_print as printing
from tests.workbench.test_chinese_workbook_words import english_words, typed
from tests.workbench.test_excel_print import A4_LANDSCAPE_POINTS, printed_scale
from workbench.demo.generate import DemoRound, build_demo
from workbench.report.dispute_figures import dispute_figures
from workbench.report.figures import ReportFilter
from workbench.report.workbook import sheet_plan
from workbench.report.workbook import write_workbook
from workbench.rounds.sampling_plan import Plan

ROUND = ReportFilter(round_name="R")
NAMES = {"en": ("Summary", "Disputes"), "zh": ("汇总", "异议")}


@pytest.fixture(scope="module")
def played(tmp_path_factory):
    """The print test's stratified round, its feedback played out."""
    path = tmp_path_factory.mktemp("disputes") / "w.sqlite3"
    db = open_database(path)
    spec = DemoRound("R", Plan(method="stratified", strata=("department",), size=120), reviewed=0.8)
    build_demo(db, cases=600, reviewed=0.4, seed=8, round_spec=spec)
    dh.play(db, ROUND)
    yield db, path
    db.close()


def export(db, folder, language: str, report_filter: ReportFilter = ROUND):
    out = folder / f"{language}.xlsx"
    write_workbook(db, out, language=language, report_filter=report_filter, today=dh.TODAY)
    return load_workbook(out)


def rows_of(sheet) -> list[tuple]:
    return [tuple(v for v in row) for row in sheet.iter_rows(values_only=True)]


def row_starting(rows, text: str) -> tuple:
    return next(r for r in rows if isinstance(r[0], str) and r[0].strip() == text)


def test_no_sheet_and_no_rows_before_anything_is_sent(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    db = open_database(tmp_path / "w.sqlite3")
    build_demo(db, cases=200, reviewed=0.5, seed=21)
    book = export(db, tmp_path, "en", ReportFilter())
    assert "Disputes" not in book.sheetnames
    assert "disputes" not in sheet_plan(db, ReportFilter())       # what File > Export announces
    assert not any("disputes" in str(r[0]) for r in rows_of(book["Summary"]))
    dh.send_all(db)                                   # sent, nobody answered yet: the sheet, no Summary rows
    book = export(db, tmp_path, "en", ReportFilter())
    assert book.sheetnames.index("Disputes") == book.sheetnames.index("By checklist item") + 1
    assert "disputes" in sheet_plan(db, ReportFilter())
    assert not any("disputes" in str(r[0]) for r in rows_of(book["Summary"]))
    db.close()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_sheet_shows_the_figures(played, tmp_path, language):
    db, _ = played
    figures = dispute_figures(db, ROUND, today=dh.TODAY)
    rows = rows_of(export(db, tmp_path, language)[NAMES[language][1]])
    zh = language == "zh"
    c = figures.totals
    facts = {r[0].strip(): r[2] for r in rows if isinstance(r[0], str) and r[2] is not None and r[3] is None}
    sent, disputed, decided = ("已发送给审查员的问题", "提出异议", "已裁决") if zh else \
        ("Findings sent to examiners", "Disputed", "Decided")
    assert (facts[sent], facts[disputed], facts[decided]) == (c.sent, c.disputed, c.decided)
    assert facts["异议率" if zh else "Dispute rate"] == pytest.approx(c.dispute_rate)
    assert facts["改判率" if zh else "Overturn rate"] == pytest.approx(c.overturn_rate)
    before = row_starting(rows, "异议前合格率（分层估计）" if zh else "Compliance rate before disputes (stratified estimate)")
    b = figures.compliance_before
    assert before[3:8] == pytest.approx((b.rate, b.low, b.high, figures.compliant_before, figures.reviewed))
    after = row_starting(rows, "异议后合格率（分层估计，当前）" if zh else
                         "Compliance rate after disputes (stratified estimate, today)")
    assert after[3] == pytest.approx(figures.compliance_after.rate) and after[3] > before[3]
    # The items, the most overturned first, each with its counts and rates.
    header = rows.index(row_starting(rows, "评查表" if zh else "Checklist"))
    items = rows[header + 1:header + 1 + len(figures.items)]
    assert [r[1] for r in items] == [i.item_id for i in figures.items]
    for r, i in zip(items, figures.items):
        k = i.counts
        assert r[3:10] == pytest.approx((k.sent, k.disputed, k.dispute_rate, k.decided, k.upheld, k.overturned,
                                         k.regraded)), r
        assert r[10] == (pytest.approx(k.overturn_rate) if k.overturn_rate is not None else "–"), r
    reviewers = rows.index(row_starting(rows, "评查人" if zh else "Reviewer"))
    assert [r[0] for r in rows[reviewers + 1:reviewers + 1 + len(figures.reviewers)]] == \
        [r.reviewer for r in figures.reviewers]
    past = rows.index(row_starting(rows, "问题编号" if zh else "Finding ID"))
    listed = rows[past + 1:past + 1 + len(figures.past_deadline)]
    assert [(r[0], r[1], _date(r[7]), r[8]) for r in listed] == [
        (p.finding_id, p.application_number, p.deadline, p.days) for p in figures.past_deadline]
    assert {r[9] for r in listed} == ({"未答复", "已异议，待裁决"} if zh else {"No response", "Disputed, awaiting a decision"})


def _date(value) -> date:
    return value.date() if hasattr(value, "date") else value


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_summary_adds_before_and_the_rates_and_keeps_to_one_page(played, tmp_path, language):
    db, _ = played
    figures = dispute_figures(db, ROUND, today=dh.TODAY)
    book = export(db, tmp_path, language)
    summary = book[NAMES[language][0]]
    rows = rows_of(summary)
    zh = language == "zh"
    before = row_starting(rows, "异议前合格率（分层估计）" if zh else "Compliance rate before disputes (stratified)")
    b = figures.compliance_before
    assert before[1:6] == pytest.approx((b.rate, b.low, b.high, figures.compliant_before, figures.reviewed))
    line = rows[rows.index(before) + 1][0]
    c = figures.totals
    assert f"{100 * c.dispute_rate:.1f}%" in line and f"{100 * c.overturn_rate:.1f}%" in line
    assert str(c.sent) in line and str(c.decided) in line and ("异议" if zh else "Disputes") in line
    assert printed_scale(summary) * 11 >= 9, summary.print_area
    disputes = book[NAMES[language][1]]
    assert disputes.page_setup.fitToWidth == 1 and disputes.page_setup.fitToHeight == 0
    assert disputes.print_title_rows == "$1:$1"
    width = sum((disputes.column_dimensions[chr(64 + c)].width or 8.43) * 7 * 0.75 + 3.75 for c in range(1, 12))
    m = disputes.page_margins
    assert min(1.0, (A4_LANDSCAPE_POINTS[0] - 72 * (m.left + m.right)) / width) * 11 >= 9
    assert disputes.print_area.split("!")[-1].replace("$", "").startswith("A1:K")


@pytest.mark.parametrize("report_filter", [ReportFilter(), ROUND])
def test_the_chinese_sheet_has_no_english_word_the_user_did_not_type(played, tmp_path, report_filter):
    db, path = played
    out = tmp_path / "zh.xlsx"
    write_workbook(db, out, language="zh", report_filter=report_filter, today=dh.TODAY)
    assert "异议" in load_workbook(out, read_only=True).sheetnames
    assert english_words(out, typed(db, path)) == []


@pytest.fixture(scope="module")
def books(played, tmp_path_factory):
    """The round's workbook in both languages, keyed as the print test keys its books."""
    db, _ = played
    folder = tmp_path_factory.mktemp("books")
    result = {}
    for key, language in (("round", "en"), ("zh-round", "zh")):
        out = folder / f"{key}.xlsx"
        write_workbook(db, out, language=language, report_filter=ROUND, today=dh.TODAY)
        result[key] = (out, load_workbook(out))
    return result


@pytest.mark.parametrize("key", ["round", "zh-round"])
def test_the_workbook_with_disputes_passes_the_print_checks(books, key):
    """A4 landscape, header and footer, named fonts, columns wide enough for every header word and
    number, the Summary on one page at 9 pt or more: the print test's checks, disputes included."""
    assert NAMES["zh" if key.startswith("zh") else "en"][1] in books[key][1].sheetnames
    printing.test_every_sheet_prints_on_a4_landscape_with_area_titles_header_and_footer(books, key)
    printing.test_every_written_cell_has_a_named_font_and_titles_have_sizes(books, key)
    printing.test_columns_hold_every_header_word_and_every_number(books, key)
    printing.test_the_summary_fits_its_pages_at_nine_points_or_more(books, key)
