"""Building test files and workspaces."""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Iterable, Sequence

from openpyxl import Workbook

from db.connection import open_database
from workbench.review import checklist_parsing
from workbench.review import checklist_store

DATA = Path(__file__).resolve().parent.parent / "data"
MINI_CHECKLIST = DATA / "mini_checklist.json"

HEADER = ["申请号", "专利类型", "发明创造名称", "申请人", "审查员", "审查部门", "申请日", "结案日"]
ROWS = [
    ["202210123456.1", "发明", "一种图像识别方法", "甲公司", "张三", "电学发明审查部", "2022-01-05", "2023-06-21"],
    ["201710601862.3", "发明", "一种电池散热装置", "乙大学", "李四", "机械发明审查部", "2017-03-01", "2019-02-20"],
    ["95115608.X", "发明", "一种老式装置", "丙研究所", "王五", "机械发明审查部", "1995-06-01", "1998-01-01"],
]


def write_csv(path: Path, rows: Iterable[Sequence[object]], *, encoding: str = "utf-8", delimiter: str = ",",
              header: Sequence[str] = HEADER) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, rows: Iterable[Sequence[object]], *, title_rows: Sequence[Sequence[object]] = (),
               header: Sequence[str] = HEADER) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    for row in title_rows:
        sheet.append(list(row))
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


def workspace(tmp_path: Path, name: str = "w.sqlite3"):
    return open_database(tmp_path / name)


def mini_checklist_id(db) -> int:
    return checklist_store.store(db, checklist_parsing.load_template(MINI_CHECKLIST))


def table_state(db) -> list:
    """Everything an import may change, for comparing before and after."""
    return [list(db.execute(f"SELECT * FROM {t} ORDER BY 1")) for t in ("imports", "import_issues", "cases")]


def standing_reviews(db, round_id: int | None = None) -> dict[int, tuple]:
    """The review that stands for each case, computed here in Python from the reviews table, as
    the definition says (independently of the latest_reviews triggers and the report's SQL):
    the latest completed or signed-off review (by completion time, then id), else the latest
    open one; for a round, only that round's reviews. Values: (id, status, verdict, reviewer)."""
    sql = "SELECT id, case_id, status, verdict, reviewer, completed_at, round_id FROM reviews"
    best: dict[int, tuple] = {}
    for rid, case_id, status, verdict, reviewer, completed_at, rnd in db.execute(sql):
        if round_id is not None and rnd != round_id:
            continue
        done = status in ("completed", "signed_off")
        key = (done, (completed_at or "") if done else "", rid)
        if case_id not in best or key > best[case_id][0]:
            best[case_id] = (key, (rid, status, verdict, reviewer))
    return {case_id: value for case_id, (_, value) in best.items()}
