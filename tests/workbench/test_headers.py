import pytest

from workbench.importing.headers import ALIASES, CASE_FIELDS, guess_mapping, header_score, match_header, normalise_header


@pytest.mark.parametrize("header, field", [
    ("申请号", "application_number"), ("申请号码", "application_number"), ("Application Number", "application_number"),
    ("Appl No", "application_number"), ("Appl. No.", "application_number"), ("申请号：", "application_number"),
    ("ＡＰＰＬＩＣＡＴＩＯＮ　ＮＯ", "application_number"), ("申请号（含校验位）", "application_number"),
    ("申请号/专利号", "application_number"), ("APPLICATION_NO", "application_number"),
    ("发明创造名称", "title"), ("发明名称", "title"), ("实用新型名称", "title"), ("外观设计名称", "title"),
    ("商标名称", "title"), ("Title", "title"),
    ("申请人", "applicant"), ("Applicant(s)", "applicant"),
    ("申请日", "filing_date"), ("Filing Date", "filing_date"), ("申请日(yyyy-mm-dd)", "filing_date"),
    ("Filing Date*", "filing_date"),
    ("审查员", "examiner"), ("主审员", "examiner"), ("Examiner", "examiner"),
    ("审查部门", "department"), ("部门", "department"), ("处室", "department"), ("Art Unit", "department"),
    ("Group Art Unit", "department"), ("Department", "department"),
    ("主分类号", "classification"), ("分类号", "classification"), ("IPC", "classification"),
    ("国际分类", "classification"), ("Nice Class", "classification"), ("IPC主分类号", "classification"),
    ("审查程序", "procedure"), ("Procedure", "procedure"),
    ("结案方式", "decision"), ("审查结论", "decision"), ("Disposal Type", "decision"), ("Decision", "decision"),
    ("结案日", "decision_date"), ("结案日期", "decision_date"), ("Disposal Date", "decision_date"),
    ("专利类型", "ip_type"), ("IP Type", "ip_type"),
    ("申请\n号", "application_number"),            # a line break inside a header cell
])
def test_header_variants(header, field):
    assert match_header(header) == field


@pytest.mark.parametrize("header", ["序号", "发明人", "备注", "", None, "Name", "（）", "/"])
def test_unknown_headers(header):
    assert match_header(header) is None


def test_every_alias_maps_to_its_field_and_no_alias_is_claimed_twice():
    owners = {}
    for field, names in ALIASES.items():
        assert field in CASE_FIELDS
        for name in names:
            assert match_header(name) == field, name
            owners.setdefault(normalise_header(name), set()).add(field)
    assert all(len(fields) == 1 for fields in owners.values())


def test_first_column_naming_a_field_wins():
    assert guess_mapping(["申请号", "专利号", "名称", "Title"]) == {0: "application_number", 2: "title"}
    assert header_score(["申请号", "申请人", "备注"]) == 2
