"""The command line contract: exit codes, one clear line on errors, --json output."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.workbench.helpers import ROWS, write_csv, write_xlsx

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, env_db: Path | None = None, home: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "WORKBENCH_DB"}
    env["WORKBENCH_HOME"] = str(home)
    if env_db is not None:
        env["WORKBENCH_DB"] = str(env_db)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)


@pytest.fixture
def home(tmp_path):
    return tmp_path / "home"


def test_version(home):
    out = run("--version", home=home)
    assert out.returncode == 0 and out.stdout.startswith("Quality Review Workbench ")


def test_import_json_contract(tmp_path, home):
    path = write_csv(tmp_path / "c.csv", ROWS + [["202210123456.9", "发明", "x", "", "", "", "", ""]])
    out = run("import", str(path), "--json", "--db", str(tmp_path / "w.sqlite3"), home=home)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert {"read", "accepted", "rejected", "duplicates", "rejected_rows"} <= set(data)
    assert (data["read"], data["accepted"], data["rejected"], data["duplicates"]) == (4, 3, 1, 0)
    assert set(data["rejected_rows"][0]) >= {"line", "column", "value", "reason"}
    assert data["rejected_rows"][0]["line"] == 5 and data["rejected_rows"][0]["column"] == "申请号"


def test_import_xlsx_summary_and_report(tmp_path, home):
    path = write_xlsx(tmp_path / "c.xlsx", ROWS + [["bad"] + [""] * 7], title_rows=[["报表"]])
    report = tmp_path / "report.csv"
    out = run("import", str(path), "--report", str(report), "--db", str(tmp_path / "w.sqlite3"), home=home)
    assert out.returncode == 0, out.stderr
    assert "accepted 3" in out.stdout and "rejected 1" in out.stdout and "line 6" in out.stdout
    lines = report.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "line,outcome,column,value,reason,code" and len(lines) == 3


def test_workbench_db_environment_variable(tmp_path, home):
    db = tmp_path / "env.sqlite3"
    out = run("import", str(write_csv(tmp_path / "c.csv", ROWS)), env_db=db, home=home)
    assert out.returncode == 0 and db.exists()


def test_default_workspace_is_in_the_data_folder(tmp_path, home):
    out = run("import", str(write_csv(tmp_path / "c.csv", ROWS)), home=home)
    assert out.returncode == 0
    assert (home / "workspace.sqlite3").exists()


@pytest.mark.parametrize("content", [
    b"\x00\x01\x02\x03binary junk" * 50,
    "名字,年龄\n张三,3\n".encode(),
    b"PK\x03\x04 broken zip",
    b"",
])
def test_broken_files_exit_2_with_one_line(tmp_path, home, content):
    path = tmp_path / "broken.csv"
    path.write_bytes(content)
    out = run("import", str(path), "--db", str(tmp_path / "w.sqlite3"), home=home)
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1 and "broken.csv" in out.stderr
    assert "Traceback" not in out.stderr + out.stdout


@pytest.mark.parametrize("args", [
    ("import",), ("nonsense",), ("import", "missing.csv"), ("export",), ("import", "x.csv", "--on-conflict", "x"),
])
def test_bad_arguments_exit_2_with_one_line(tmp_path, home, args):
    out = run(*args, "--db", str(tmp_path / "w.sqlite3"), home=home)
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr


def test_export_and_verify(tmp_path, home):
    db = tmp_path / "w.sqlite3"
    run("import", str(write_csv(tmp_path / "c.csv", ROWS)), "--db", str(db), home=home)
    out = run("export", str(tmp_path / "out.xlsx"), "--db", str(db), home=home)
    assert out.returncode == 0, out.stderr
    assert load_workbook(tmp_path / "out.xlsx")["Cases"].max_row == 4
    assert run("verify", "--db", str(db), home=home).returncode == 0


def test_verify_reports_tampering(tmp_path, home):
    import sqlite3
    db = tmp_path / "w.sqlite3"
    run("import", str(write_csv(tmp_path / "c.csv", ROWS)), "--db", str(db), home=home)
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO audit_log (at, actor, entity, entity_id, action, hash)"
                 " VALUES ('2020', 'x', 'answer', '1/a', 'answer', 'bad')")
    conn.commit()
    conn.close()
    out = run("verify", "--db", str(db), home=home)
    assert out.returncode == 2 and "audit entry 3" in out.stderr   # after the import and the coverage baseline


def test_export_to_unwritable_place_exits_2(tmp_path, home):
    from db.connection import open_database
    open_database(tmp_path / "w.sqlite3").close()
    out = run("export", str(tmp_path / "no" / "such" / "dir" / "out.xlsx"), "--db", str(tmp_path / "w.sqlite3"),
              home=home)
    assert out.returncode == 2 and "Cannot write" in out.stderr


def test_newer_database_exits_2_naming_versions(tmp_path, home):
    import sqlite3
    db = tmp_path / "future.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    out = run("export", str(tmp_path / "o.xlsx"), "--db", str(db), home=home)
    assert out.returncode == 2 and "99" in out.stderr


def test_checklist_validate(tmp_path, home):
    good = ROOT / "resources" / "checklists" / "invention_substantive.json"
    assert run("checklist", "validate", str(good), home=home).returncode == 0
    bad = tmp_path / "bad.json"
    data = json.loads(good.read_text(encoding="utf-8"))
    data["sections"][0]["items"][1]["id"] = data["sections"][0]["items"][0]["id"]
    data["sections"][0]["items"][0]["text"]["zh"] = ""
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = run("checklist", "validate", str(bad), home=home)
    assert out.returncode == 2
    assert "duplicate id" in out.stderr and "no Chinese text" in out.stderr and "bad.json" in out.stderr


def test_self_test_prints_ok(home):
    out = run("self-test", home=home)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "OK"


def test_unexpected_failure_exits_1_and_is_logged(tmp_path, home, monkeypatch):
    from workbench import cli
    monkeypatch.setenv("WORKBENCH_HOME", str(home))

    def boom(args, out):
        raise ZeroDivisionError("boom")
    monkeypatch.setitem(cli.COMMANDS, "verify", boom)
    import io
    err = io.StringIO()
    code = cli.main(["verify", "--db", str(tmp_path / "w.sqlite3")], err=err, out=io.StringIO())
    assert code == 1
    assert "unexpected error" in err.getvalue() and "Traceback" not in err.getvalue()
    log = (home / "logs" / "workbench.log").read_text(encoding="utf-8")
    assert "ZeroDivisionError: boom" in log and "Traceback" in log


def test_import_summary_lists_flagged_rows(tmp_path, home):
    row = list(ROWS[0])
    row[6], row[7] = "2023-06-21", "2022-01-05"          # decided before it was filed
    out = run("import", str(write_csv(tmp_path / "c.csv", [row])), "--db", str(tmp_path / "w.sqlite3"), home=home)
    assert out.returncode == 0
    assert "1 accepted row flagged" in out.stdout and "line 2" in out.stdout and "before the filing date" in out.stdout


def test_every_command_a_group_declares_is_on_the_command_line_in_its_place():
    """Each command group's module declares its commands; main lists and runs every one of them."""
    from workbench import cli
    from workbench.cli import calibration, demo, disputes, feedback, importing, packages, reporting, risk, rounds, targets
    declared = [name for group in (importing, reporting, rounds, calibration, feedback, disputes, targets, risk,
                                   packages, demo)
                for name in group.COMMANDS]
    assert len(declared) == len(set(declared))
    assert set(declared) == set(cli.ORDER) == set(cli.COMMANDS)
    choices = next(a for a in cli.build_parser()._actions if a.dest == "command").choices
    assert list(choices) == list(cli.ORDER)
