"""The PDF report, read back with pypdf: headline figures and intervals as the workbook shows them,
page numbers, the audit anchor, both languages, and the refusal of a Chinese PDF without a CJK font."""
from __future__ import annotations

import io
import re

import pytest

pypdf = pytest.importorskip("pypdf", reason="pypdf is a test-only dependency (requirements-lock.txt)")

from db.connection import open_database  # noqa: E402
from foundation.errors import WorkbenchError  # noqa: E402
from workbench.audit.anchors import current  # noqa: E402
from workbench.cli import main  # noqa: E402
from workbench.report import pdf  # noqa: E402
from workbench.report.figures import ReportFilter, compute_report  # noqa: E402
from workbench.report.pdf_report import pct, write_pdf_report  # noqa: E402


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "w.sqlite3"
    out, err = io.StringIO(), io.StringIO()
    code = main(["demo", "--cases", "400", "--reviewed", "0.5", "--seed", "8", "--db", str(path), "--round", "ONE",
                 "--size", "40", "--strata", "examiner", "--allocation", "equal"], out=out, err=err)
    assert code == 0, err.getvalue()
    return path


def pages_text(path) -> list[str]:
    # no ligatures are set, so "efficiency" is searchable as typed
    return [re.sub(r"[ \t]+", " ", p.extract_text())
            for p in pypdf.PdfReader(str(path)).pages]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def headline(report) -> list[str]:
    return [pct(v) for e in (report.overall.compliance, report.defect_rate, report.error_rate)
            for v in (e.rate, e.low, e.high)]


def test_english_round_report_has_figures_intervals_pages_and_anchor(workspace, tmp_path):
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "round.pdf"
    code = main(["export", str(target), "--round", "ONE", "--db", str(workspace)], out=out, err=err)
    assert code == 0, err.getvalue()
    db = open_database(workspace, read_only=True)
    report = compute_report(db, ReportFilter(round_name="ONE"))
    pages = pages_text(target)
    assert f"{len(pages)} pages" in out.getvalue() and len(pages) >= 3
    first = pages[0]
    assert "Quality and efficiency report" in first and "Round ONE" in first
    for figure in headline(report):        # rate, 95% low, 95% high of compliance, defect and error rate
        assert figure in first
    assert "Compliance rate (stratified estimate)" in first and "Korn-Graubard" in first
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        assert current(db).text() in squeeze(text)
    whole = "\n".join(pages)
    for section in ("By department", "By examiner", "By IP type", "By checklist item", "Design of the round",
                    "Strata of the round", "Seed"):
        assert section in whole
    for stratum in report.strata:
        assert stratum.name in whole and pct(stratum.weight) in whole
    assert not list(tmp_path.glob("*.tmp*")), "the temporary file is renamed into place"


def test_chinese_report(workspace, tmp_path):
    if pdf.cjk_family() is None:
        pytest.skip("no CJK font installed (install fonts-wqy-microhei): the refusal is tested below")
    target = tmp_path / "zh.pdf"
    db = open_database(workspace, read_only=True)
    result = write_pdf_report(db, target, language="zh")
    pages = pages_text(target)
    assert result.pages == len(pages)
    assert "质量与效率报告" in pages[0] and "主要指标" in pages[0] and "合格率" in pages[0]
    for figure in headline(compute_report(db, ReportFilter())):
        assert figure in pages[0]
    for number, text in enumerate(pages, start=1):
        assert re.search(rf"第\s*{number}\s*页，共\s*{len(pages)}\s*页", text), text[-200:]
    assert not [c for c in "".join(pages) if 0x2E80 <= ord(c) <= 0x2EFF], "radicals in place of characters"


def test_chinese_report_without_a_cjk_font_is_refused(workspace, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "CJK_FAMILIES", ())
    db = open_database(workspace, read_only=True)
    with pytest.raises(WorkbenchError) as caught:
        write_pdf_report(db, tmp_path / "zh.pdf", language="zh")
    assert caught.value.code == "pdf.no_cjk_font" and "fonts-wqy-microhei" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_cli_refuses_chinese_without_font_with_exit_2(workspace, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "CJK_FAMILIES", ())
    out, err = io.StringIO(), io.StringIO()
    code = main(["export", str(tmp_path / "zh.pdf"), "--language", "zh", "--db", str(workspace)], out=out, err=err)
    assert code == 2 and "fonts-wqy-microhei" in err.getvalue() and "Traceback" not in err.getvalue()
    assert not (tmp_path / "zh.pdf").exists()


def test_cancel_leaves_no_file(workspace, tmp_path):
    from foundation.jobs import Cancelled, CancelToken
    token = CancelToken()
    token.cancel()
    db = open_database(workspace, read_only=True)
    with pytest.raises(Cancelled):
        write_pdf_report(db, tmp_path / "c.pdf", cancel=token)
    assert list(tmp_path.iterdir()) == []


def test_chinese_round_design_is_in_words(workspace, tmp_path):
    """The round's plan and filters in the sheet's words, not JSON, as the Chinese workbook shows them."""
    if pdf.cjk_family() is None:
        pytest.skip("no CJK font installed (install fonts-wqy-microhei): the refusal is tested above")
    target = tmp_path / "round-zh.pdf"
    db = open_database(workspace, read_only=True)
    write_pdf_report(db, target, language="zh", report_filter=ReportFilter(round_name="ONE"))
    text = squeeze("".join(pages_text(target)))
    assert "分层抽样" in text and '"method"' not in text and '"exclude_sampled"' not in text
