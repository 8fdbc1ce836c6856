"""Import of the optional case fields risk indicators need: agent, applicant type, abstract,
Nice classes and use shown (schema 10), under English and Chinese headers."""
import json

import pytest

from tests.workbench.helpers import workspace, write_csv, write_xlsx
from workbench.importing.headers import guess_mapping, match_header
from workbench.importing.importer import import_file
from workbench.importing.risk_fields import parse_applicant_type, parse_nice_classes, parse_use_shown

PATENT = "202210123456.1"
OTHER = "201710601862.3"
MARK = "61234567"
FIELDS = "agent, applicant_type, abstract, nice_classes, use_shown"


@pytest.fixture
def db(tmp_path):
    return workspace(tmp_path)


def stored(db, number):
    return db.execute(f"SELECT {FIELDS}, extra FROM cases WHERE application_number = ?", [number]).fetchone()


@pytest.mark.parametrize("header, field", [
    ("代理机构", "agent"), ("专利代理机构", "agent"), ("代理机构名称", "agent"), ("商标代理机构", "agent"),
    ("Agent", "agent"), ("Agency", "agent"), ("Patent Agency", "agent"), ("代理机构（全称）", "agent"),
    ("申请人类型", "applicant_type"), ("Applicant Type", "applicant_type"), ("申请人类别", "applicant_type"),
    ("摘要", "abstract"), ("说明书摘要", "abstract"), ("Abstract", "abstract"),
    ("商品/服务类别", "nice_classes"), ("商品服务类别", "nice_classes"), ("Nice Classes", "nice_classes"),
    ("是否提交使用证据", "use_shown"), ("使用证据", "use_shown"), ("Evidence of use", "use_shown"),
    ("Use shown", "use_shown"),
    # the single class column of an export stays the classification, as before schema 10
    ("尼斯分类", "classification"), ("类别", "classification"), ("国际分类", "classification"),
])
def test_headers(header, field):
    assert match_header(header) == field


def test_a_second_nice_class_column_holds_the_marks_classes_but_a_second_ipc_column_does_not():
    assert guess_mapping(["申请号", "类别", "尼斯分类"]) == {0: "application_number", 1: "classification",
                                                          2: "nice_classes"}
    assert guess_mapping(["申请号", "主分类号", "类别"])[2] == "nice_classes"
    assert 2 not in guess_mapping(["申请号", "主分类号", "国际分类"])      # the IPC list of a patent export
    assert guess_mapping(["申请号", "尼斯分类"]) == {0: "application_number", 1: "classification"}


@pytest.mark.parametrize("text, code", [
    ("自然人", "natural_person"), ("个人", "natural_person"), ("Natural person", "natural_person"),
    ("个人（自然人）", "natural_person"), ("企业", "company"), ("公司", "company"), ("工矿企业", "company"),
    ("Company", "company"), ("企业/公司", "company"), ("大专院校", "university"), ("高校", "university"),
    ("大学", "university"), ("University", "university"), ("科研单位", "institute"), ("科研院所", "institute"),
    ("研究所", "institute"), ("Research institute", "institute"), ("", ""),
])
def test_applicant_types(text, code):
    assert parse_applicant_type(text) == code


@pytest.mark.parametrize("text, classes", [
    ("9, 35；42", "9,35,42"), ("第9类", "9"), ("第9、35类", "9,35"), ("42,9,9", "9,42"), ("09", "9"),
    ("Class 9 and 35", "9,35"), ("第１类", "1"), ("45", "45"), ("", ""),
])
def test_nice_classes(text, classes):
    assert parse_nice_classes(text) == classes


@pytest.mark.parametrize("text", ["46", "0", "第九类", "G06F 16/35", "9-35", "机关团体"])
def test_unreadable_nice_classes_and_applicant_types(text):
    with pytest.raises(ValueError):
        parse_nice_classes(text)
    with pytest.raises(ValueError):
        parse_applicant_type(text)


@pytest.mark.parametrize("value, text, shown", [
    ("是", "是", 1), ("有", "有", 1), ("yes", "yes", 1), ("TRUE", "TRUE", 1), ("1", "1", 1), (True, "True", 1),
    ("否", "否", 0), ("无", "无", 0), ("No", "No", 0), ("false", "false", 0), ("0", "0", 0), (False, "False", 0),
    ("", "", None),
])
def test_use_shown(value, text, shown):
    assert parse_use_shown(value, text) == shown


def test_chinese_headers_import_every_field(db, tmp_path):
    header = ["申请号", "专利类型", "发明创造名称", "代理机构", "申请人类型", "摘要", "类别", "尼斯分类", "是否提交使用证据"]
    rows = [[PATENT, "发明", "一种图像识别方法", "北京某某专利代理有限公司", "企业", "本发明公开了……", "", "", ""],
            [MARK, "商标", "星云", "某某商标代理有限公司", "自然人", "", "第9类", "9, 35；42", "否"]]
    result = import_file(db, write_csv(tmp_path / "zh.csv", rows, header=header))
    assert result.accepted == 2 and not result.issues
    assert stored(db, PATENT) == ("北京某某专利代理有限公司", "company", "本发明公开了……", "", None, "{}")
    assert stored(db, MARK) == ("某某商标代理有限公司", "natural_person", "", "9,35,42", 0, "{}")
    assert db.execute("SELECT classification FROM cases WHERE application_number = ?", [MARK]).fetchone() == ("第9类",)


def test_english_headers_in_a_workbook(db, tmp_path):
    header = ["Application No", "Type", "Agency", "Applicant type", "Abstract", "Nice classes", "Use shown"]
    rows = [[MARK, "trademark", "Acme IP", "University", "", "9,35", True]]
    result = import_file(db, write_xlsx(tmp_path / "en.xlsx", rows, header=header))
    assert result.accepted == 1
    assert stored(db, MARK) == ("Acme IP", "university", "", "9,35", 1, "{}")


def test_files_without_the_fields_import_as_before(db, tmp_path):
    result = import_file(db, write_csv(tmp_path / "old.csv", [[PATENT, "发明", "一种方法"]],
                                       header=["申请号", "专利类型", "名称"]))
    assert result.accepted == 1
    assert stored(db, PATENT) == ("", "", "", "", None, "{}")


def test_an_unreadable_value_is_kept_in_extra_with_a_warning_naming_row_and_column(db, tmp_path):
    """The importer treats an unreadable optional value as it treats a text cell holding a date:
    the row is kept, the cell is reported; here the field stays unknown and the text is kept in
    extra under its header, where it was before these fields were recognised."""
    header = ["申请号", "专利类型", "申请人类型", "尼斯分类号", "类别", "使用证据"]
    rows = [[MARK, "商标", "机关团体", "第9类", "第九类", "部分"],
            [OTHER, "发明", "企业", "", "", ""]]
    path = write_csv(tmp_path / "bad.csv", rows, header=header)
    result = import_file(db, path)
    assert result.accepted == 2 and result.rejected == 0
    warnings = [(i.line, i.column, i.value, i.code, i.outcome) for i in result.issues]
    assert warnings == [(2, "申请人类型", "机关团体", "import.applicant_type_unreadable", "warning"),
                        (2, "类别", "第九类", "import.nice_classes_unreadable", "warning"),
                        (2, "使用证据", "部分", "import.use_shown_unreadable", "warning")]
    assert "使用证据" in result.issues[2].reason and "部分" in result.issues[2].reason
    agent, kind, _abstract, nice, use, extra = stored(db, MARK)
    assert (kind, nice, use) == ("", "", None)
    assert json.loads(extra) == {"申请人类型": "机关团体", "类别": "第九类", "使用证据": "部分"}
    assert stored(db, OTHER)[1] == "company"
    issues = db.execute("SELECT line, column_name, value, outcome FROM import_issues ORDER BY line, id").fetchall()
    assert issues[0] == (2, "申请人类型", "机关团体", "warning")
    assert result.path == str(path)


def test_update_replaces_the_new_fields_and_skip_reports_them(db, tmp_path):
    header = ["申请号", "商标", "代理机构", "申请人类型", "商品服务类别", "使用证据"]
    import_file(db, write_csv(tmp_path / "a.csv", [[MARK, "星云", "甲代理", "企业", "9", "否"]], header=header))
    changed = write_csv(tmp_path / "b.csv", [[MARK, "星云", "乙代理", "自然人", "9,35", "是"]], header=header)
    skipped = import_file(db, changed)
    assert skipped.conflicts == 1 and "代理机构" in skipped.issues[0].reason
    assert stored(db, MARK)[:5] == ("甲代理", "company", "", "9", 0)
    updated = import_file(db, changed, on_conflict="update")
    assert updated.updated == 1
    assert stored(db, MARK)[:5] == ("乙代理", "natural_person", "", "9,35", 1)


def test_use_shown_no_differs_from_unknown(db, tmp_path):
    header = ["申请号", "商标", "使用证据"]
    import_file(db, write_csv(tmp_path / "a.csv", [[MARK, "星云", "否"]], header=header))
    again = import_file(db, write_csv(tmp_path / "b.csv", [[MARK, "星云", ""]], header=header),
                        on_conflict="update")
    assert again.updated == 1 and stored(db, MARK)[4] is None
    same = import_file(db, write_csv(tmp_path / "c.csv", [[MARK, "星云", ""]], header=header))
    assert same.unchanged == 1
