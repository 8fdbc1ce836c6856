"""Screenshots of the queue sorted by risk with the case panel's Risk box, in English and Chinese.

    QT_QPA_PLATFORM=offscreen .venv/bin/python build/screenshots_risk.py [OUT_DIR]

A demo workspace of 500 cases with two planted clusters (near-duplicate Chinese titles filed
through one agent, a trademark hoarder across 30 Nice classes), scored by workbench.risk; the
queue is sorted by Risk, highest first, and a near-duplicate case is open: risk-queue-en/zh.png.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from build.screenshots import open_window, save  # noqa: E402

TEMPLATE = "一种基于物联网的智能农业大棚{}自动监测装置"
WORDS = ["温湿度", "光照度", "二氧化碳", "土壤水分", "虫情", "风速", "降雨量", "氨气浓度"]


def _fill(db: Any) -> None:
    from workbench import risk
    from workbench.audit import chain
    from workbench.demo.generate import build_demo
    build_demo(db, cases=500, reviewed=0.2, seed=7)
    columns = "application_number, ip_type, title, applicant, agent, applicant_type, nice_classes, use_shown," \
              " examiner, department, filing_date, decision_date"
    rows = [(f"20231088{i:04d}.{i % 10}", "invention", TEMPLATE.format(w), f"农业科技{i}有限公司", "速达专利代理事务所",
             "company", "", None, "李明", "电学发明审查部", f"2023-0{1 + i % 8}-1{i % 9}", "2026-05-20")
            for i, w in enumerate(WORDS)]
    rows += [(f"7012{i:04d}", "trademark", f"囤标{i}", "囤标贸易有限公司", "", "company", str(1 + i % 30), 0,
              "王芳", "商标审查部", f"2023-{1 + i % 12:02d}-0{1 + i % 9}", "2026-05-21") for i in range(60)]
    db.conn.executemany(f"INSERT INTO cases ({columns}) VALUES ({', '.join('?' * 12)})", rows)
    db.conn.commit()
    chain.record_baseline(db, actor="screenshots", reason="planted clusters added")   # they are part of the story
    risk.refresh(db)


def shoot(language: str, out_dir: Path) -> Path:
    from PySide6.QtCore import Qt
    from ui.case_model import COLUMNS

    window = open_window(language, _fill)
    window.table.sortByColumn([key for key, _ in COLUMNS].index("risk"), Qt.SortOrder.DescendingOrder)
    number = window.db.execute("SELECT id FROM cases WHERE title = ?", [TEMPLATE.format(WORDS[0])]).fetchone()[0]
    window.select_case(number)
    bar = window.table.horizontalScrollBar()
    bar.setValue(bar.maximum())         # the Risk column is the queue's last
    return save(window, out_dir / f"risk-queue-{language}.png")


def main() -> None:
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "docs"
    for language in ("en", "zh"):
        print(shoot(language, out_dir))


if __name__ == "__main__":
    main()
