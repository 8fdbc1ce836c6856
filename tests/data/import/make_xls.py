"""Write legacy_template.xls, an old-format (BIFF8) workbook like a decade-old office template.

Nothing in the project writes .xls (python-calamine only reads it), so this runs once in a
throwaway environment and its output is committed:

    python3 -m venv /tmp/xlwt-venv && /tmp/xlwt-venv/bin/pip install xlwt
    /tmp/xlwt-venv/bin/python tests/data/import/make_xls.py

xlwt is deliberately not a dependency of the project.
"""
from __future__ import annotations

import datetime
import sys
from pathlib import Path

import xlwt

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from workbench.importing.identifiers import cn_check_char  # noqa: E402  (stdlib only)


def main() -> int:
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    dates = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    bold = xlwt.easyxf("font: bold on; align: horiz centre")
    header = ["申请号", "案件类型", "发明创造名称", "申请人", "主审员", "审查部门", "分类号", "审查程序",
              "结案方式", "申请日", "结案日"]
    sheet.write_merge(0, 0, 0, len(header) - 1, "2013年第四季度结案案件质量抽查表", bold)      # line 1
    for column, title in enumerate(header):                                                     # line 3
        sheet.write(2, column, title, bold)
    old = "201310123456"
    rows = [
        [float(old), "发明", "一种老模板里的方法", "甲厂", "张伟", "电学发明审查部", "G06F 17/30",
         "实质审查", "授权", datetime.date(2013, 1, 5), datetime.date(2015, 6, 30)],              # line 4
        [f"201320654321.{cn_check_char('201320654321')}", "实用新型", "一种老式夹具", "乙厂", "李娜",
         "实用新型审查部", "B25B 5/00", "初步审查", "授权", 41400.0, 41600.0],                  # line 5 serials
        ["03105608.1", "发明", "一种校验位错误的装置", "丙所", "王强", "机械发明审查部", "F16B 1/00",
         "实质审查", "驳回", "2003-03-03", "2006-06-06"],                                        # line 6 bad check
    ]
    for offset, row in enumerate(rows):
        for column, value in enumerate(row):
            if isinstance(value, datetime.date):
                sheet.write(3 + offset, column, value, dates)
            else:
                sheet.write(3 + offset, column, value)
    sheet.write(6, 0, "合计")                                                                   # line 7
    sheet.write(6, 10, 3)
    book.save(str(HERE / "legacy_template.xls"))
    print("wrote", HERE / "legacy_template.xls")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
