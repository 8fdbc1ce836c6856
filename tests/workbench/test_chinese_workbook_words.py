"""Issue 13, Language: the Chinese workbook holds no English word the user did not type (issue 14: nor
does a calibration round's, blind or closed)."""
from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook

from db.connection import open_database
from workbench.demo.calibration_demo import build_calibration_demo
from workbench.demo.generate import DemoRound, build_demo
from workbench.report.figures import ReportFilter
from workbench.report.workbook import write_workbook
from workbench.rounds.sampling_plan import Plan

#: Proper names and the R reference the Chinese text keeps (method names, standards, R code, a file).
PROPER = ("Korn-Graubard", "Clopper-Pearson", "Korn", "Graubard", "Wilson", "Neyman", "ISO", "AQL",
          'R survey::svyciprop(method = "beta")', 'R survey::svyciprop 的 method "beta"',
          'R survey.lonely.psu = "adjust"', "docs/statistics.md", "verify --anchor", "SHA-256",
          "Excel", "PERCENTILE.INC", "Quality Review Workbench",
          # the agreement coefficients' authors, the bands' source, and the command that closes a blind round
          "Cohen", "Fleiss", "Krippendorff", "Gwet", "Landis", "Koch", "calibrate --close --round",
          # issue 16: the funnel plot's and the interval's authors, and the command that sets pendency targets
          "Spiegelhalter", "Newcombe", "python main.py targets --set invention=600")
WORD = re.compile(r"[A-Za-z]{3,}")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    path = tmp_path_factory.mktemp("zh") / "zh.sqlite3"
    db = open_database(path)
    spec = DemoRound("R1", Plan(method="stratified", strata=("department", "ip_type"), size=60), reviewed=0.8)
    build_demo(db, cases=300, reviewed=0.5, seed=5, round_spec=spec)
    build_calibration_demo(db, "C1", seed=3, size=6)
    build_calibration_demo(db, "C2", seed=4, size=4, close=False)
    return db, path


def typed(db, path) -> set[str]:
    """Every word of the data the user (or the demo, standing in for one) typed or imported."""
    words = set(WORD.findall(path.name)) | {"R1"}   # the database file name, the round names
    queries = ("SELECT application_number, title, applicant, examiner, department, classification, procedure,"
               " decision FROM cases", "SELECT item_id, comment, category FROM answers",
               "SELECT reviewer FROM reviews", "SELECT name, created_by, uid FROM rounds",
               # item codes and legal references (PL 22.3; GPE Part II) come with the imported checklists
               "SELECT definition FROM checklists")
    for sql in queries:
        for row in db.execute(sql).fetchall():
            for value in row:
                words.update(WORD.findall(str(value or "")))
    return words


def english_words(out, allowed: set[str]) -> list[tuple[str, str, str]]:
    found = []
    for sheet in load_workbook(out, read_only=True):
        for row in sheet.iter_rows():
            for cell in row:
                if not isinstance(cell.value, str):
                    continue
                text = cell.value
                for name in PROPER:
                    text = text.replace(name, " ")
                text = re.sub(r"audit-anchor:\d+:[0-9a-f]{64}|\b[0-9a-f]{64}\b|[0-9a-f-]{36}", " ", text)
                found += [(sheet.title, cell.coordinate, w) for w in WORD.findall(text) if w not in allowed]
    return found


@pytest.mark.parametrize("round_name", [None, "R1", "C1", "C2"])
def test_the_chinese_workbook_has_no_english_word_the_user_did_not_type(workspace, tmp_path, round_name):
    db, path = workspace
    out = tmp_path / "zh.xlsx"
    write_workbook(db, out, language="zh", report_filter=ReportFilter(round_name=round_name))
    assert english_words(out, typed(db, path)) == []


def test_round_design_and_strata_are_in_words(workspace, tmp_path):
    db, _ = workspace
    out = tmp_path / "zh.xlsx"
    write_workbook(db, out, language="zh", report_filter=ReportFilter(round_name="R1"))
    book = load_workbook(out)
    about = {row[0]: row[1] for row in book["说明"].iter_rows(values_only=True) if row[0]}
    assert about["抽样方案"].startswith("方法：分层抽样") and "分层字段：审查部门、类型" in about["抽样方案"]
    assert "分配：按比例分配" in about["抽样方案"] and "{" not in about["轮次筛选条件"]
    assert about["轮次：总体清单 SHA-256"] and "估计方法" in about and "分层比率估计" in about["估计方法"]
    strata = {c.value for row in book["案件"].iter_rows() for c in row if isinstance(c.value, str) and " / " in c.value}
    assert any(s.endswith("/ 外观设计") for s in strata) and not any(s.endswith("/ design") for s in strata)
