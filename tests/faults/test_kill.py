"""kill -9 at named checkpoints of import, export, merge, package and a migration (issue 21).

Each run is killed by the process itself at a checkpoint reached through the test-only hook
WORKBENCH_FAULT_CHECKPOINT (workbench/faults.py), never at a random time, so the result is
the same on a loaded machine. After each kill: `verify` passes, SQLite's integrity check
passes, the counts are those before or those after, and the next run leaves no temporary file.
"""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from db.migrate import migrate, migrations
from tests.faults.helpers import KILLED, cli, counts, leftovers
from tests.workbench.helpers import ROWS, write_csv
from tests.workbench.test_merge import reviewed  # noqa: F401  (fixture)
from tests.workbench.test_packages import ROUND, master_template  # noqa: F401  (fixture)


@pytest.fixture
def home(tmp_path):
    return tmp_path / "home"


@pytest.fixture
def private_tmp(tmp_path):
    folder = tmp_path / "tmpdir"
    folder.mkdir()
    return folder


def verified(path: Path, home: Path) -> dict[str, int]:
    run = cli("verify", "--db", str(path), home=home)
    assert run.returncode == 0, run.stderr
    return counts(path)


@pytest.mark.parametrize("checkpoint", ["db.before_commit", "db.after_commit"])
def test_killed_import_leaves_the_workspace_before_or_after(tmp_path, home, checkpoint):
    workspace = tmp_path / "w.sqlite3"
    first = write_csv(tmp_path / "a.csv", ROWS[:1])
    assert cli("import", str(first), "--db", str(workspace), home=home).returncode == 0
    before = verified(workspace, home)
    more = write_csv(tmp_path / "b.csv", ROWS[1:])
    killed = cli("import", str(more), "--db", str(workspace), home=home, fault=checkpoint)
    assert killed.returncode == KILLED
    after_kill = verified(workspace, home)
    assert after_kill["cases"] == (1 if checkpoint == "db.before_commit" else 3)
    assert after_kill["cases"] in (before["cases"], before["cases"] + 2)
    again = cli("import", str(more), "--db", str(workspace), home=home)
    assert again.returncode == 0, again.stderr
    assert verified(workspace, home)["cases"] == 3
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("checkpoint", ["file.before_rename", "file.after_rename"])
def test_killed_export_leaves_the_old_workbook_or_the_new_and_no_temporary_file(
        reviewed, tmp_path, home, private_tmp, checkpoint):  # noqa: F811
    master = tmp_path / "master.sqlite3"
    shutil.copyfile(reviewed[0], master)
    out = tmp_path / "out" / "report.xlsx"
    out.parent.mkdir()
    out.write_bytes(b"the previous report")
    before = counts(master)
    killed = cli("export", str(out), "--db", str(master), home=home, tmpdir=private_tmp, fault=checkpoint)
    assert killed.returncode == KILLED
    if checkpoint == "file.before_rename":
        assert out.read_bytes() == b"the previous report"
        assert len(leftovers(out.parent)) == 1        # the killed run's file, named as ours
    else:
        assert out.read_bytes()[:2] == b"PK"          # the new workbook, complete
    assert leftovers(private_tmp) == []               # openpyxl streamed its sheets beside the target
    assert verified(master, home) == before
    again = cli("export", str(out), "--db", str(master), home=home, tmpdir=private_tmp)
    assert again.returncode == 0, again.stderr
    assert leftovers(out.parent, private_tmp) == []


@pytest.mark.parametrize("checkpoint", ["merge.work_copy", "db.before_commit", "db.after_commit"])
def test_killed_merge_leaves_the_master_before_or_after_and_no_copy(reviewed, tmp_path, home, private_tmp,
                                                                    checkpoint):  # noqa: F811
    template, files, _ = reviewed
    master = tmp_path / "master.sqlite3"
    shutil.copyfile(template, master)
    package = next(iter(files.values()))
    before = counts(master)
    killed = cli("merge", str(package), "--db", str(master), home=home, tmpdir=private_tmp, fault=checkpoint)
    assert killed.returncode == KILLED
    after_kill = verified(master, home)
    merged = after_kill["package_merges"] == before["package_merges"] + 1
    assert merged == (checkpoint == "db.after_commit")
    assert merged or after_kill == before
    assert leftovers(private_tmp) == []     # no copy of the package in TMPDIR
    again = cli("merge", str(package), "--db", str(master), home=home, tmpdir=private_tmp)
    assert again.returncode == 0, again.stderr
    assert ("already merged" in again.stdout) == merged
    assert verified(master, home)["package_merges"] == before["package_merges"] + 1
    assert leftovers(tmp_path, private_tmp) == []


@pytest.mark.parametrize("checkpoint", ["package.before_rename", "db.before_commit"])
def test_killed_package_writes_no_package_and_no_record(master_template, tmp_path, home, checkpoint):  # noqa: F811
    master = tmp_path / "master.sqlite3"
    shutil.copyfile(master_template, master)
    out = tmp_path / "out" / "alice.qrpkg"
    out.parent.mkdir()
    before = counts(master)
    killed = cli("package", "--round", ROUND, "--reviewer", "Alice", str(out), "--db", str(master), home=home,
                 fault=checkpoint)
    assert killed.returncode == KILLED
    assert not out.exists()
    assert verified(master, home) == before
    again = cli("package", "--round", ROUND, "--reviewer", "Alice", str(out), "--db", str(master), home=home)
    assert again.returncode == 0, again.stderr
    assert leftovers(out.parent, tmp_path) == []
    assert cli("open", str(out), "--check", home=home).returncode == 0


def old_workspace(path: Path, version: int) -> None:
    conn = sqlite3.connect(path)
    migrate(conn, None, migrations()[:version])
    conn.execute("INSERT INTO cases (application_number, ip_type, title) VALUES ('202210123456.1', 'invention', 'x')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("checkpoint", ["migrate.after_backup", "migrate.after_step", "migrate.after_step:2"])
def test_killed_migration_upgrades_on_the_next_run(tmp_path, home, checkpoint):
    workspace = tmp_path / "w.sqlite3"
    old_workspace(workspace, 2)
    killed = cli("verify", "--db", str(workspace), home=home, fault=checkpoint)
    assert killed.returncode == KILLED
    conn = sqlite3.connect(f"{workspace.as_uri()}?mode=ro", uri=True)
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert version == {"migrate.after_backup": 2, "migrate.after_step": 3, "migrate.after_step:2": 4}[checkpoint]
    backups = sorted(tmp_path.glob("w.backup-v2-*"))
    assert len(backups) == 1 and backups[0].stat().st_size > 0
    assert verified(workspace, home)["cases"] == 1
