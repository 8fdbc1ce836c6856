import os

import pytest

from tests.workbench.helpers import ROWS, workspace, write_csv
from foundation.errors import WorkbenchError
from workbench.report.import_issues_csv import write_report_csv
from workbench.importing.importer import import_file


def test_report_lists_every_issue(tmp_path):
    result = import_file(workspace(tmp_path), write_csv(tmp_path / "c.csv", ROWS + [["bad"] + [""] * 7]))
    out = tmp_path / "report.csv"
    write_report_csv(result, out)
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "line,outcome,column,value,reason,code" and lines[1].startswith("5,rejected,")


def test_a_failed_write_leaves_no_partial_file(tmp_path, monkeypatch):
    result = import_file(workspace(tmp_path), write_csv(tmp_path / "c.csv", ROWS + [["bad"] + [""] * 7]))
    out = tmp_path / "report.csv"
    out.write_text("the previous report", encoding="utf-8")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))
    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(WorkbenchError) as err:
        write_report_csv(result, out)
    assert err.value.code == "report.unwritable" and "report.csv" in err.value.message()
    assert out.read_text(encoding="utf-8") == "the previous report"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
