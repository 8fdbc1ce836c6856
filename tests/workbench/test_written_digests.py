"""The digests an import into an empty workspace computes from its records (issue 20) are the
digests SQLite builds from the stored cases, for every kind of value; where they could differ
(a NUL in a text) the import falls back to SQLite's."""
from __future__ import annotations

import json

from tests.workbench.helpers import workspace, write_csv
from workbench.audit import chain, coverage
from workbench.importing import written_digests
from workbench.importing.importer import import_file

HEADER = ["申请号", "专利类型", "发明创造名称", "申请人", "审查员", "申请日", "结案日", "代理机构", "申请人类型", "摘要",
          "商品服务类别", "是否提交使用证据", "备注"]
ROWS = [
    ["202210123456.1", "发明", "一种|装置:7 𠀀", "甲公司", "张三", "2022-01-05", "", "", "", "", "", "", ""],
    ["201710601862.3", "发明", "-", "1:-|", "", "", "2019-02-20", "代理|1:", "企业", "摘要 \"引号\" \\", "", "", "备注"],
    ["12345678", "商标", "", "乙", "", "2020-01-01", "", "", "", "", "9,35", "是", ""],
    ["12345679", "商标", "", "丙", "", "", "", "", "", "", "", "否", ""],
    ["95115608.X", "发明", "老式", "丁", "", "1995-06-01", "", "", "个人", "", "", "", "x" * 300],
]


def _entry_cases(db, import_id):
    entry = db.execute("SELECT new_value FROM audit_log WHERE entity = 'import' AND entity_id = ?",
                       [str(import_id)]).fetchone()[0]
    return json.loads(entry)["cases"]


def test_the_records_digests_are_the_stored_cases_digests(tmp_path, monkeypatch):
    used = []
    ordered = written_digests.WrittenDigests.ordered
    monkeypatch.setattr(written_digests.WrittenDigests, "ordered",
                        lambda self, db, i: used.append(self.exact) or ordered(self, db, i))
    db = workspace(tmp_path)
    result = import_file(db, write_csv(tmp_path / "r.csv", ROWS, header=HEADER))
    assert result.accepted == len(ROWS)
    assert used == [True]            # computed on the validating thread
    stored = coverage.case_digests(db, "import_id = ?", [result.import_id])
    assert _entry_cases(db, result.import_id) == stored and len(stored) == len(ROWS)
    assert chain.verify_chain(db) == [] and coverage.check_coverage(db) == []


def test_an_import_into_a_workspace_with_cases_digests_in_sqlite(tmp_path):
    db = workspace(tmp_path)
    import_file(db, write_csv(tmp_path / "a.csv", ROWS[:2], header=HEADER))
    result = import_file(db, write_csv(tmp_path / "b.csv", ROWS[2:], header=HEADER))
    assert _entry_cases(db, result.import_id) == coverage.case_digests(db, "import_id = ?", [result.import_id])
    assert sorted(_entry_cases(db, result.import_id)) == ["12345678", "12345679", "95115608.X"]
    assert coverage.check_coverage(db) == []


def test_a_text_with_nul_or_a_stored_case_not_added_leaves_the_digests_to_sqlite(tmp_path):
    db = workspace(tmp_path)
    record = ("202210123456.1", "invention", "带\x00空字符", "", "", "", "", "", "", "", "", None, None, "", "", None,
              "{}")
    digests = written_digests.WrittenDigests()
    digests.add([(2, record)])
    assert not digests.exact and digests.ordered(db, 1) is None
    digests = written_digests.WrittenDigests()
    digests.add([(2, record[:2] + ("标题",) + record[3:])])
    assert digests.exact and digests.ordered(db, 1) is None       # nothing stored: not one for one


def test_an_import_never_holds_every_digest_in_a_dict(tmp_path, monkeypatch):
    """At a million cases the dict of digests held about 100 MB: imports stream them instead."""
    db = workspace(tmp_path)
    with db.atomic():
        chain.ensure_baseline(db, actor="t")      # the coverage baseline of a new workspace (no cases)

    def held(*_args, **_kwargs):
        raise AssertionError("an import built the dict of every case's digest")
    monkeypatch.setattr(coverage, "case_digests", held)
    first = import_file(db, write_csv(tmp_path / "a.csv", ROWS[:2], header=HEADER))
    second = import_file(db, write_csv(tmp_path / "b.csv", ROWS[2:], header=HEADER))
    assert first.accepted == 2 and second.accepted == 3
    assert sorted(_entry_cases(db, second.import_id)) == ["12345678", "12345679", "95115608.X"]
