"""The Answers listing rendered by a worker process (workbench.report.excel_background, issue 20): the
same workbook as rendered here, cell by cell; a cancelled export ends the worker and leaves no file;
a worker that fails leaves the Answers to this process."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from foundation.errors import Cancelled
from foundation.jobs import CancelToken
from tests.workbench.helpers import ROWS, mini_checklist_id, workspace, write_csv
from workbench.importing.importer import import_file
from workbench.report import excel_background, excel_tables
from workbench.report.excel_background import Background, Job
from workbench.report.excel_rows import CellStyles
from workbench.report.figures import ReportFilter, resolve_scope
from workbench.report.sheets import ANSWER_COLUMNS
from workbench.report.workbook import write_workbook
from workbench.review import reviews

# Text a spreadsheet would run as a formula, in columns the Answers sheet lists (department, examiner).
FORMULAS = ["=SUM(1,2)", "+1+1", "-unverified", "@SUM(A1)"]


@pytest.fixture
def db(tmp_path):
    db = workspace(tmp_path)
    rows = [list(r) for r in ROWS] + [[f"20231000000{n}.{check}", "发明", f"题目{n}", "丁公司", examiner, department,
                                       "2022-01-05", "2023-06-21"]
                                      for n, (check, examiner, department) in enumerate(zip("05X4", FORMULAS,
                                                                                         FORMULAS[::-1]))]
    import_file(db, write_csv(tmp_path / "c.csv", rows))
    checklist_id = mini_checklist_id(db)
    for number, (case_id,) in enumerate(db.execute("SELECT id FROM cases ORDER BY id").fetchall()):
        opened = reviews.open_review(db, case_id, reviewer="alice", checklist_id=checklist_id)
        reviews.set_answer(db, opened.id, "search", "fail" if number % 2 else "pass", severity="major",
                           category="omitted_objection", comment="=comment", actor="alice")
        reviews.set_answer(db, opened.id, "novelty", "pass", actor="alice")
        reviews.set_answer(db, opened.id, "decision", "na", actor="alice")
        if number != 2:        # one review still open: its answers are not listed
            reviews.complete(db, opened.id, actor="alice")
    return db


def _cells(path: Path) -> dict[str, list[tuple]]:
    """Every cell of every sheet: value, type, number format, quote prefix, bold; the About sheet's
    export time and the print headers (which name the minute of the export) left out."""
    book = load_workbook(path)
    sheets = {}
    for sheet in book.worksheets:
        cells = [(c.coordinate, c.value, c.data_type, c.number_format, c.quotePrefix, bool(c.font and c.font.b))
                 for row in sheet.iter_rows() for c in row
                 if not (sheet.title == "About" and isinstance(c.value, datetime))]
        tables = sorted((t.displayName, t.ref) for t in sheet.tables.values())
        widths = sorted((k, d.width) for k, d in sheet.column_dimensions.items())
        sheets[sheet.title] = [*cells, *tables, *widths, sheet.freeze_panes, sheet.print_title_rows]
    return sheets


def test_answers_from_the_worker_are_the_same_workbook_cell_by_cell(db, tmp_path, monkeypatch):
    monkeypatch.setattr(excel_tables, "EXCEL_DATA_ROWS", 5)       # 18 answers: Answers, (2), (3), (4)
    monkeypatch.setattr(excel_background, "BACKGROUND_FROM", 10 ** 12)
    here = write_workbook(db, tmp_path / "here.xlsx")
    monkeypatch.setattr(excel_background, "BACKGROUND_FROM", 0)
    written = []
    original = Background.write

    def spy(self, *args, **kwargs):
        written.append(original(self, *args, **kwargs))
        return written[-1]
    monkeypatch.setattr(Background, "write", spy)
    seen: list[tuple[int, int, str]] = []
    there = write_workbook(db, tmp_path / "there.xlsx", progress=lambda *a: seen.append(a))
    assert written == [here.answers] == [there.answers] == [18]          # the worker wrote them
    ours, theirs = _cells(tmp_path / "here.xlsx"), _cells(tmp_path / "there.xlsx")
    assert list(ours) == list(theirs)
    assert [n for n in ours if n.startswith("Answers")] == ["Answers", "Answers (2)", "Answers (3)", "Answers (4)"]
    for name in ours:
        assert ours[name] == theirs[name], name
    book = load_workbook(tmp_path / "there.xlsx")
    quoted = [c for name in book.sheetnames if name.startswith("Answers")
              for row in book[name].iter_rows(min_row=2) for c in row if c.value in FORMULAS]
    assert len(quoted) == 24 and all(c.quotePrefix and c.data_type == "s" for c in quoted)
    assert (18, 18, "Answers") in seen
    assert sorted(p.name for p in tmp_path.iterdir() if "xlsx" in p.name) == ["here.xlsx", "there.xlsx"]


def test_a_cancelled_export_ends_the_worker_and_leaves_nothing(db, tmp_path, monkeypatch):
    monkeypatch.setattr(excel_background, "BACKGROUND_FROM", 0)
    started: list[Background] = []
    original = Background.__init__

    def spy(self, *args, **kwargs):
        original(self, *args, **kwargs)
        started.append(self)
    monkeypatch.setattr(Background, "__init__", spy)
    cancel = CancelToken()

    def progress(done: int, total: int, label: str) -> None:
        if started:              # the worker runs: cancel while this process writes the other sheets
            cancel.cancel()
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(Cancelled):
        write_workbook(db, folder / "r.xlsx", progress=progress, cancel=cancel)
    assert len(started) == 1 and not started[0].process.is_alive()
    assert list(folder.iterdir()) == []


def test_a_worker_that_fails_reports_it_and_removes_its_file(db, tmp_path):
    out = tmp_path / "markup"
    out.write_bytes(b"")
    job = Job(str(tmp_path / "missing.sqlite3"), resolve_scope(db, ReportFilter()), "en", ANSWER_COLUMNS, None,
              CellStyles(' s="1"', ()), 5, str(out))
    background = Background(job, 18)
    try:
        assert background.parts(lambda *a: None, CancelToken(), "Answers") is None
    finally:
        background.close()
    assert not out.exists() and not background.process.is_alive()


def test_the_export_writes_the_answers_itself_when_its_worker_fails(db, tmp_path, monkeypatch):
    monkeypatch.setattr(excel_background, "BACKGROUND_FROM", 0)
    monkeypatch.setattr(Background, "parts", lambda self, *a: None)
    result = write_workbook(db, tmp_path / "r.xlsx")
    assert result.answers == 18
    assert len(list(load_workbook(tmp_path / "r.xlsx")["Answers"].iter_rows(min_row=2))) == 18
