"""The feedback letter read back with pdftotext: every finding with its item, guidance, reference,
severity, category and comment; the examiner's figures with their intervals beside the
department's and the office's, as the report computes them; no other examiner (no ranking);
page numbers; Chinese text with an embedded CJK font; database text printed as typed (issue 15)."""
from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from db.connection import open_database
from workbench.cli import main
from workbench.feedback.findings import ChecklistTexts, FeedbackScope
from workbench.feedback.sending import send_feedback
from workbench.report import pdf
from workbench.report.figures import ReportFilter, compute_report
from workbench.report.pdf_report import pct

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")

TODAY = date(2026, 11, 2)
ROUND = FeedbackScope(ReportFilter(round_name="ONE"))
PERIOD = FeedbackScope(ReportFilter(date_from=date(2025, 1, 1), date_to=date(2025, 12, 31)))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("letters") / "w.sqlite3"
    out, err = io.StringIO(), io.StringIO()
    code = main(["demo", "--cases", "400", "--reviewed", "0.5", "--seed", "8", "--db", str(path), "--round", "ONE",
                 "--size", "60", "--strata", "department"], out=out, err=err)
    assert code == 0, err.getvalue()
    return path


@pytest.fixture
def db(built, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    copy = tmp_path / "w.sqlite3"
    for suffix in ("", "-wal"):             # the demo's last writes may still be in the write-ahead log
        if Path(f"{built}{suffix}").exists():
            shutil.copyfile(f"{built}{suffix}", f"{copy}{suffix}")
    database = open_database(copy)
    yield database
    database.close()


def text_of(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def busiest(result):
    return max(result.letters, key=lambda s: (s.findings, s.examiner))


def test_an_english_letter_lists_every_finding_in_full(db, tmp_path):
    result = send_feedback(db, tmp_path / "out", ROUND, language="en", actor="Chen Jing", today=TODAY)
    sent = busiest(result)
    text = text_of(sent.letter)
    flat = squeeze(text)
    texts = ChecklistTexts(db)
    rows = db.execute("SELECT ff.id, ff.review_id, ff.item_id, ff.severity, ff.comment, r.checklist_id, ff.category"
                      " FROM feedback_file_findings x JOIN feedback_findings ff ON ff.id = x.finding_id"
                      " JOIN reviews r ON r.id = ff.review_id WHERE x.file_id = ?", [sent.file_id]).fetchall()
    assert len(rows) == sent.findings > 1
    for finding_id, _review, item_id, severity, comment, checklist_id, category in rows:
        item = texts.checklist(checklist_id).item(item_id)
        assert re.search(rf"\b{finding_id}\b", text)
        for shown in (item.text.en, item.guidance.en, item.reference, comment, item_id,
                      texts.checklist(checklist_id).categories[category].en):
            assert squeeze(shown) in flat, shown
        assert severity.capitalize() in text
    assert "Feedback on your reviewed cases" in text and sent.examiner in text
    assert "Respond by" in text and "2026-11-16" in text and "2026-11-02" in text and "Round ONE" in text
    assert f"{sent.workbook.name}" in text and "Agree or Disagree" in text
    pages = text.count("\f")
    for number in range(1, pages + 1):
        assert f"Page {number} of {pages}" in text
    assert pages == sent.pages


def test_the_figures_are_the_reports_with_intervals_and_no_one_else_is_named(db, tmp_path):
    result = send_feedback(db, tmp_path / "out", ROUND, language="en", actor="Chen Jing", today=TODAY)
    report = compute_report(db, ROUND.filter)
    assert report.weighted             # a stratified round: the report's domain estimates, as the report shows them
    examiners = {row[0] for row in db.execute("SELECT DISTINCT examiner FROM cases WHERE examiner IS NOT NULL")}
    for sent in result.letters:
        text = text_of(sent.letter)
        own = next(g for g in report.by_examiner if g.key[1] == sent.examiner)
        department = next(g for g in report.by_department if g.key == own.key[:1])
        for group in (own, department, report.overall):
            for estimate in (group.compliance, group.defect_rate, group.error_rate):
                assert f"{pct(estimate.low)} – {pct(estimate.high)}" in text
                assert pct(estimate.rate) in text
        assert "Compliancerate(stratifiedestimate)" in squeeze(text) and "Korn-Graubard" in text
        assert own.key[0] in text and "Office" in text
        others = [name for name in examiners - {sent.examiner} if name in text]
        assert others == [], f"{sent.examiner}'s letter names {others}"
        assert not re.search(r"\b(rank|ranked|percentile)\b", text, re.IGNORECASE)
        reviewed = [row[0] for row in db.execute(
            "SELECT c.application_number FROM round_cases rc JOIN cases c ON c.id = rc.case_id"
            " JOIN reviews r ON r.case_id = c.id AND r.round_id = rc.round_id"
            " AND r.status IN ('completed', 'signed_off')"
            " WHERE c.examiner = ?", [sent.examiner])]
        assert len(set(reviewed)) == sent.reviewed == own.reviewed
        assert all(number in text for number in reviewed), "every reviewed case, with or without findings"


def test_a_period_letter_uses_wilson_intervals(db, tmp_path):
    result = send_feedback(db, tmp_path / "out", PERIOD, language="en", actor="m", today=TODAY)
    report = compute_report(db, PERIOD.filter)
    sent = busiest(result)
    text = text_of(sent.letter)
    own = next(g for g in report.by_examiner if g.key[1] == sent.examiner)
    assert "Wilson" in text and "stratified" not in text
    assert f"{pct(own.compliance.rate)}" in text and f"{pct(own.compliance.low)} – {pct(own.compliance.high)}" in text
    assert "decided 2025-01-01 to 2025-12-31" in text and "2026-11-16" in text   # 14 days outside a round


def test_a_chinese_letter_is_chinese_with_an_embedded_cjk_font(db, tmp_path):
    pypdf = pytest.importorskip("pypdf", reason="pypdf is a test-only dependency (requirements-lock.txt)")
    family = pdf.cjk_family()
    if family is None:
        pytest.skip("no CJK font installed (install fonts-wqy-microhei)")
    result = send_feedback(db, tmp_path / "out", ROUND, language="zh", actor="m", today=TODAY)
    sent = busiest(result)
    text = text_of(sent.letter)
    for words in ("案件质量评查反馈", "答复期限", "问题编号", "评查要点", "依据", "评查人意见", "合格率", "全局"):
        assert words in text, words
    assert re.search(rf"第\s*1\s*页，共\s*{sent.pages}\s*页", text)
    texts = ChecklistTexts(db)
    finding = db.execute("SELECT ff.item_id, r.checklist_id FROM feedback_file_findings x JOIN feedback_findings ff"
                         " ON ff.id = x.finding_id JOIN reviews r ON r.id = ff.review_id WHERE x.file_id = ?",
                         [sent.file_id]).fetchone()
    assert squeeze(texts.checklist(finding[1]).item(finding[0]).text.zh) in squeeze(text)
    embedded = []
    for page in pypdf.PdfReader(str(sent.letter)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", []):
                descriptor = descendant.get_object()["/FontDescriptor"].get_object()
                if any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                    embedded.append(str(font["/BaseFont"]))
    assert any(family.replace(" ", "") in name for name in embedded), embedded


def test_text_from_the_database_is_printed_as_typed(db, tmp_path):
    """A comment with markup and a formula prints as it was typed: no rich text, nothing interpreted."""
    typed = "<b>bold?</b> & <i>x</i> =SUM(A1:A9) <script>alert(1)</script>"
    finding = send_feedback(db, tmp_path / "first", ROUND, language="en", actor="m", today=TODAY)
    sent = busiest(finding)
    review_id, item_id = db.execute("SELECT ff.review_id, ff.item_id FROM feedback_file_findings x JOIN"
                                    " feedback_findings ff ON ff.id = x.finding_id WHERE x.file_id = ?",
                                    [sent.file_id]).fetchone()
    with db.atomic():
        db.execute("UPDATE answers SET comment = ? WHERE review_id = ? AND item_id = ?", [typed, review_id, item_id])
    again = send_feedback(db, tmp_path / "second", ROUND, language="en", actor="m", today=TODAY)
    text = text_of(next(s for s in again.letters if s.examiner == sent.examiner).letter)
    assert squeeze(typed) in squeeze(text)
