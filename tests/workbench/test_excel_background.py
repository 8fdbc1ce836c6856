"""The Answers and Cases listings rendered by worker processes (workbench.report.excel_background,
issue 20): the same workbook as rendered here, cell by cell; a cancelled export ends the workers and
leaves no file; a worker that fails leaves its listing to this process."""
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


def test_listings_from_workers_are_the_same_workbook_cell_by_cell(db, tmp_path, monkeypatch):
    monkeypatch.setattr(excel_tables, "EXCEL_DATA_ROWS", 5)    # 18 answers: Answers, (2), (3), (4); 7 cases: 2
    here = write_workbook(db, tmp_path / "here.xlsx", workers_from=10 ** 12)
    written = []
    original = Background.write

    def spy(self, *args, **kwargs):
        written.append(original(self, *args, **kwargs))
        return written[-1]
    monkeypatch.setattr(Background, "write", spy)
    seen: list[tuple[int, int, str]] = []
    there = write_workbook(db, tmp_path / "there.xlsx", progress=lambda *a: seen.append(a), workers_from=0)
    assert written == [here.answers, here.cases] == [there.answers, there.cases] == [18, 7]     # by the workers
    assert here.rendered_apart == () and there.rendered_apart == ("answers", "cases")
    ours, theirs = _cells(tmp_path / "here.xlsx"), _cells(tmp_path / "there.xlsx")
    assert list(ours) == list(theirs)
    assert [n for n in ours if n.startswith(("Answers", "Cases"))] == [
        "Answers", "Answers (2)", "Answers (3)", "Answers (4)", "Cases", "Cases (2)"]
    for name in ours:
        assert ours[name] == theirs[name], name
    book = load_workbook(tmp_path / "there.xlsx")
    quoted = [c for name in book.sheetnames if name.startswith("Answers")
              for row in book[name].iter_rows(min_row=2) for c in row if c.value in FORMULAS]
    assert len(quoted) == 24 and all(c.quotePrefix and c.data_type == "s" for c in quoted)
    assert (18, 18, "Answers") in seen and (7, 7, "Cases") in seen
    assert sorted(p.name for p in tmp_path.iterdir() if "xlsx" in p.name) == ["here.xlsx", "there.xlsx"]


def test_a_cancelled_export_ends_the_workers_and_leaves_nothing(db, tmp_path, monkeypatch):
    started: list[Background] = []
    original = Background.__init__

    def spy(self, *args, **kwargs):
        original(self, *args, **kwargs)
        started.append(self)
    monkeypatch.setattr(Background, "__init__", spy)
    cancel = CancelToken()

    def progress(done: int, total: int, label: str) -> None:
        if started:              # the workers run: cancel while this process writes the other sheets
            cancel.cancel()
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(Cancelled):
        write_workbook(db, folder / "r.xlsx", progress=progress, cancel=cancel, workers_from=0)
    assert len(started) == 2 and not any(worker.process.is_alive() for worker in started)
    assert list(folder.iterdir()) == []


def test_a_worker_that_fails_reports_it_and_removes_its_file(db, tmp_path):
    out = tmp_path / "markup"
    out.write_bytes(b"")
    job = Job("answers", str(tmp_path / "missing.sqlite3"), resolve_scope(db, ReportFilter()), "en", ANSWER_COLUMNS, None,
              CellStyles(' s="1"', ()), 5, str(out))
    background = Background(job, 18)
    try:
        assert background.parts(lambda *a: None, CancelToken(), "Answers") is None
    finally:
        background.close()
    assert not out.exists() and not background.process.is_alive()


def test_the_export_writes_the_listings_itself_when_their_workers_fail(db, tmp_path, monkeypatch):

    class Failed:          # a worker that failed: it wrote nothing (no process started here)
        def __init__(self, job: Job, total: int) -> None:
            self.job = job

        def release(self) -> None:
            return None

        def write(self, *args, **kwargs) -> None:
            return None

        def close(self) -> None:
            Path(self.job.out).unlink()
    monkeypatch.setattr(excel_background, "Background", Failed)
    result = write_workbook(db, tmp_path / "r.xlsx", workers_from=0)
    assert (result.answers, result.cases) == (18, 7) and result.rendered_apart == ()
    book = load_workbook(tmp_path / "r.xlsx")
    assert [len(list(book[name].iter_rows(min_row=2))) for name in ("Answers", "Cases")] == [18, 7]
    assert [p.name for p in tmp_path.iterdir() if "xlsx" in p.name] == ["r.xlsx"]


def test_a_stratified_rounds_listings_from_workers_show_the_stratum_as_here(tmp_path):
    from tests.workbench.test_report_data import build_workspace

    db = workspace(tmp_path)
    build_workspace(db, cases=40, seed=11)
    stratified = ReportFilter(round_name="2023 Q1")
    here = write_workbook(db, tmp_path / "here.xlsx", report_filter=stratified, workers_from=10 ** 12)
    there = write_workbook(db, tmp_path / "there.xlsx", report_filter=stratified, workers_from=0)
    assert here.report.strata and there.rendered_apart == ("answers", "cases") and here.rendered_apart == ()
    ours, theirs = _cells(tmp_path / "here.xlsx"), _cells(tmp_path / "there.xlsx")
    assert list(ours) == list(theirs) and "By stratum" in ours
    for name in ours:
        assert ours[name] == theirs[name], name
    assert "Stratum" in [c[1] for c in ours["Answers"] if c[0] in ("E1", "F1")]
    db.close()


def test_a_held_worker_renders_once_released_and_ends_unreleased(db, tmp_path):
    from openpyxl import Workbook

    from workbench.report.excel_rows import cell_styles
    from workbench.report.workbook import database_file

    styles = cell_styles(Workbook(write_only=True).create_sheet("S"), ANSWER_COLUMNS)
    jobs = [Job("answers", database_file(db), resolve_scope(db, ReportFilter()), "en", ANSWER_COLUMNS, None, styles, 5,
                str(tmp_path / name), held=True) for name in ("released", "unreleased")]
    for job in jobs:
        Path(job.out).write_bytes(b"")
    released, unreleased = Background(jobs[0], 18), Background(jobs[1], 18)
    try:
        assert unreleased.process.is_alive() and unreleased.done.value == 0
        parts = released.parts(lambda *a: None, CancelToken(), "Answers")      # waiting releases it
        assert parts is not None and [p.count for p in parts] == [5, 5, 5, 3]
    finally:
        released.close()
        unreleased.close()
    assert not any(Path(job.out).exists() for job in jobs)
    assert not released.process.is_alive() and not unreleased.process.is_alive()
