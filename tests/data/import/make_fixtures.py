"""Write the import fixtures: files shaped like real office exports, one of each kind.

    .venv/bin/python tests/data/import/make_fixtures.py      (all but the .xls)
    <a venv with xlwt>/bin/python tests/data/import/make_xls.py

The files are committed; tests/workbench/test_importing_formats.py states what each must give
(counts and line numbers), so regenerate only together with those expectations.
"""
from __future__ import annotations

import codecs
import datetime
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from workbench.importing.identifiers import cn_check_char, ep_check_digit  # noqa: E402


def cn(digits: str) -> str:
    return f"{digits}.{cn_check_char(digits)}"


def wrong_check(digits: str) -> str:
    right = cn_check_char(digits)
    return f"{digits}.{'1' if right != '1' else '2'}"


def csv_line(cells: list[object], delimiter: str) -> str:
    out = []
    for cell in cells:
        text = "" if cell is None else str(cell)
        if any(ch in text for ch in (delimiter, '"', "\n")):
            text = '"' + text.replace('"', '""') + '"'
        out.append(text)
    return delimiter.join(out)


def write_text(name: str, lines: list[list[object]], *, encoding: str, delimiter: str, bom: bytes = b"") -> None:
    text = "\r\n".join(csv_line(line, delimiter) for line in lines) + "\r\n"
    (HERE / name).write_bytes(bom + text.encode(encoding))


# An old system's CSV in GB18030: title lines, header variants, totals and a signature.
GB_ROWS = [
    ["2022年第二季度发明专利结案案件抽样清单"],                       # 1 title
    ["导出时间：2022-07-01"],                                          # 2 title
    [],                                                                 # 3 blank
    ["序号", "申请号码", "发明名称", "申请人", "申请日期", "主审员", "处室", "IPC", "审查程序", "审查结论",
     "结案日期", "备注"],                                              # 4 header
    [1, cn("202210123456"), "一种图像识别方法", "甲科技有限公司", "2022/1/5", "张伟", "电学发明审查部",
     "G06V 10/82", "实质审查", "授权", "2023年6月21日", ""],             # 5 accepted
    [2, "ZL 2017 1060 1862.3", "一种电池散热装置", "乙大学", "2017.03.01", "李娜", "机械发明审查部",
     "H01M 10/613", "实质审查", "驳回", "2019-02-20", "复审中"],        # 6 accepted (ZL, spaces)
    [3, wrong_check("202110765432"), "一种坏校验位的方法", "丙公司", "2021-05-05", "王强", "电学发明审查部",
     "G06F 16/00", "实质审查", "授权", "2022-09-09", ""],               # 7 rejected: check char
    [4, cn("202010555555"), "一种日期不存在的装置", "丁公司", "2020-02-30", "赵敏", "机械发明审查部",
     "F16H 1/00", "实质审查", "撤回", "2021-01-01", ""],                # 8 rejected: impossible date
    [5, cn("201910888888"), "一种结案早于申请的方法", "戊公司", "2019-08-01", "钱军", "化学发明审查部",
     "C07D 1/00", "实质审查", "授权", "2018-01-01", ""],                # 9 accepted with a warning
    [6, "９５１１５６０８．Ｘ", "一种老式装置", "丙研究所", "1995-06-01", "孙洋", "机械发明审查部",
     "F16B 1/00", "实质审查", "授权", "1998-01-01", ""],                # 10 accepted (full-width)
    ["合计", "6件", "", "", "", "", "", "", "", "", "", ""],            # 11 totals
    ["制表人：周杰    审核人：吴刚"],                                    # 12 signature
]

# Excel's "Unicode text": UTF-16 LE with BOM, tab-delimited; English headers, US dates.
US_DATES_ROWS = [
    ["Appl. No.", "IP Type", "Title", "Applicant(s)", "Filing Date", "Examiner", "Art Unit", "IPC",
     "Procedure", "Disposal Type", "Disposal Date"],                                     # 1 header
    ["16/123,456", "invention", "Battery cooling", "Acme Corp", "03/04/2021", "J. Smith", "1745",
     "H01M 10/613", "Non-final rejection", "Allowance", "06/21/2022"],                   # 2 month first
    ["29/765,432", "design", "Bottle", "Beta LLC", "12/01/2020", "K. Lee", "2912", "09-01", "Design exam",
     "Allowance", "02/03/2022"],                                                         # 3 ambiguous
    [f"EP 99403122.{ep_check_digit('99403122')}", "invention", "Gearbox", "Gamma AG", "11/30/1999",
     "M. Braun", "", "F16H 1/00", "Substantive", "Grant", "01/15/2003"],                 # 4
    ["PCT/CN2022/123456", "utility model", "Clamp", "Delta Ltd", "05/06/2022", "L. Wang", "", "B25B 5/00",
     "National phase", "Grant", "10/11/2023"],                                           # 5
    [cn("202220123456"), "invention", "Type mismatch", "Epsilon", "01/02/2022", "X. Li", "", "", "",
     "", "03/04/2023"],                                                                  # 6 rejected
    [],                                                                                  # 7 trailing blank
    [],
]

# UTF-8 with BOM and semicolons, as a European-locale Excel saves: Excel text marks,
# a number shortened to scientific notation, a duplicate and a repeated header.
SEMICOLON_ROWS = [
    ["申请号", "专利类型", "实用新型名称", "申请人", "审查员", "部门", "申请日", "结案日"],      # 1 header
    [f'="{cn("202220654321")}"', "实用新型", "一种折叠梯", "己公司", "郑辉", "实用新型审查部", "2022-03-03",
     "2022-09-09"],                                                                           # 2 accepted
    [f"'{cn('202230111111')}", "外观设计", "茶杯", "庚公司", "冯丽", "外观设计审查部", "2022-04-04",
     "2022-08-08"],                                                                           # 3 accepted
    ["2.02221E+11", "实用新型", "一种夹具", "辛公司", "陈静", "实用新型审查部", "2022-05-05", "2022-10-10"],  # 4
    [f'="{cn("202220654321")}"', "实用新型", "一种折叠梯", "己公司", "郑辉", "实用新型审查部", "2022-03-03",
     "2022-09-09"],                                                                           # 5 duplicate
    ["申请号", "专利类型", "实用新型名称", "申请人", "审查员", "部门", "申请日", "结案日"],      # 6 header again
    ["41234567", "商标", "星云", "壬公司", "褚明", "商标审查一处", "2021-01-01", "2021-12-12"],  # 7 trademark
]

# UTF-16 big-endian without a BOM, comma-separated.
BE_ROWS = [
    ["申请号", "专利类型", "名称"],
    [cn("202110000017"), "发明", "一种方法"],
    [cn("202130000019"), "外观设计", "灯具"],
]


def write_xlsx() -> None:
    """A report workbook: merged title, subtitle and blank row above the header, numbers as
    numbers, real date cells and serials, a department merged down rows, totals and a
    signature below, a notes sheet after it and a hidden lookup sheet before it."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    lookup = book.active
    lookup.title = "代码表"
    lookup.append(["代码", "含义"])
    lookup.append([1, "发明"])
    lookup.sheet_state = "hidden"
    sheet = book.create_sheet("抽查样本")
    header = ["申请号", "专利类型", "发明创造名称", "申请人", "审查员", "审查部门", "主分类号", "审查程序",
              "结案方式", "申请日", "结案日"]
    sheet.append(["2022年第二季度专利审查质量抽查样本"])                               # 1
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append(["单位：件", None, None, None, None, None, None, None, None, "制表日期：", "2022-07-01"])  # 2
    sheet.append([])                                                                     # 3
    sheet.append(header)                                                                 # 4
    rows = [
        [202210123456, "发明", "一种图像识别方法", "甲公司", "张伟", "电学发明审查部", "G06V 10/82", "实质审查",
         "授权", datetime.date(2022, 1, 5), 45098],                                    # 5 number, serial
        [int("201710601862"), "发明", "一种电池散热装置", "乙大学", "李娜", None, "H01M 10/613", "实质审查",
         "驳回", datetime.datetime(2017, 3, 1, 0, 0), datetime.date(2019, 2, 20)],     # 6 dept merged from 5
        [cn("202220123450"), "实用新型", "一种折叠梯", "丙公司", "王强", "实用新型审查部", "E06C 1/00",
         "初步审查", "授权", "2022/3/3", "2022/9/9"],                                  # 7
        [cn("202230222221"), "外观设计", "茶杯", "丁公司", "赵敏", "外观设计审查部", "07-01", "初步审查", "授权",
         datetime.date(2022, 4, 4), datetime.date(2022, 2, 28)],                        # 8 warning
        ["", "发明", "缺少申请号的案件", "戊公司", "钱军", "电学发明审查部", "", "实质审查", "撤回",
         datetime.date(2020, 1, 1), datetime.date(2021, 1, 1)],                        # 9 rejected
    ]
    for row in rows:
        sheet.append(row)
    for cell in ("J5", "J6", "K6", "J8", "K8", "J9", "K9"):
        sheet[cell].number_format = "yyyy-mm-dd"
    sheet.merge_cells("F5:F6")
    sheet.append([])                                                                     # 10
    sheet.append(["合计", None, None, None, None, None, None, None, None, None, 5])       # 11
    sheet.append(["注：本表由质量管理处根据结案数据随机抽取。"])                        # 12
    sheet.append(["审核人：", None, "签字："])                                          # 13
    notes = book.create_sheet("说明")
    notes.append(["本工作簿第一个可见工作表为抽查样本。"])
    book.save(HERE / "report_title_merged.xlsx")


# A web system's "Export to Excel": an HTML table in GB18030 named .xls, with a caption row
# spanning the columns, a department spanning two rows, a line break in a title and totals.
WEB_EXPORT = """<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<style>td {{ mso-number-format:"\\@"; }}</style><script>var x = "<td>not a cell</td>";</script></head>
<body><table border="1">
<tr><td colspan="5" align="center"><b>结案案件清单</b></td></tr>
<tr><th>申请号</th><th>专利类型</th><th>发明名称</th><th>审查部门</th><th>结案日</th></tr>
<tr><td>{first}</td><td>发明</td><td>一种&nbsp;图像<br>识别方法</td><td rowspan="2">电学发明审查部</td>
<td>2023-06-21</td></tr>
<tr><td>{second}</td><td>实用新型</td><td>一种折叠梯</td><td>2022/9/9</td></tr>
<tr><td>{bad}</td><td>发明</td><td>坏校验位</td><td>电学发明审查部</td><td>2022-01-01</td></tr>
<tr><td>合计</td><td colspan="4">3件</td></tr>
</table></body></html>
"""


# "XML Spreadsheet 2003", as older Java and .NET systems export it (named .xls or .xml): an
# empty first sheet, a merged title, a skipped row index, numbers, DateTime cells, a merge down.
XML_2003 = """<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="封面"><Table></Table></Worksheet>
 <Worksheet ss:Name="案件">
  <Table>
   <Row><Cell ss:MergeAcross="4"><Data ss:Type="String">结案案件（XML 表格）</Data></Cell></Row>
   <Row ss:Index="3">
    <Cell><Data ss:Type="String">申请号</Data></Cell><Cell><Data ss:Type="String">专利类型</Data></Cell>
    <Cell><Data ss:Type="String">审查部门</Data></Cell><Cell><Data ss:Type="String">申请日</Data></Cell>
    <Cell><Data ss:Type="String">结案日</Data></Cell></Row>
   <Row>
    <Cell><Data ss:Type="Number">202210123456</Data></Cell><Cell><Data ss:Type="String">发明</Data></Cell>
    <Cell ss:MergeDown="1"><Data ss:Type="String">电学发明审查部</Data></Cell>
    <Cell><Data ss:Type="DateTime">2022-01-05T00:00:00.000</Data></Cell>
    <Cell><Data ss:Type="DateTime">2023-06-21T00:00:00.000</Data></Cell></Row>
   <Row>
    <Cell><Data ss:Type="String">{second}</Data></Cell><Cell><Data ss:Type="String">发明</Data></Cell>
    <Cell ss:Index="4"><Data ss:Type="DateTime">2017-03-01T00:00:00.000</Data></Cell>
    <Cell><Data ss:Type="String">2020-02-30</Data></Cell></Row>
   <Row><Cell><Data ss:Type="String">合计</Data></Cell><Cell ss:Index="5"><Data ss:Type="Number">2</Data></Cell></Row>
  </Table>
 </Worksheet>
</Workbook>
"""


def main() -> int:
    write_text("gb18030_title_rows.csv", GB_ROWS, encoding="gb18030", delimiter=",")
    write_text("excel_unicode_text.txt", US_DATES_ROWS, encoding="utf-16-le", delimiter="\t",
               bom=codecs.BOM_UTF16_LE)
    write_text("utf8_bom_semicolon.csv", SEMICOLON_ROWS, encoding="utf-8", delimiter=";", bom=codecs.BOM_UTF8)
    write_text("utf16_be_no_bom.csv", BE_ROWS, encoding="utf-16-be", delimiter=",")
    write_xlsx()
    (HERE / "xml_spreadsheet_2003.xls").write_text(XML_2003.format(second=cn("201710601862")), encoding="utf-8")
    (HERE / "web_export.xls").write_bytes(WEB_EXPORT.format(
        first=cn("202210123456"), second=cn("202220123450"), bad=wrong_check("202110765432")).encode("gb18030"))
    (HERE / "image_renamed.csv").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"
        + bytes(range(256)) * 8)
    print("wrote", ", ".join(sorted(p.name for p in HERE.iterdir() if p.suffix in (".csv", ".txt", ".xlsx", ".xls"))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
