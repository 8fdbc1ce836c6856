"""Errors that tell the truth and exit codes that keep their contract (issues 21 and 11)."""
from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from db.connection import open_database
from db.migrate import migrate, migrations
from tests.faults.helpers import ROOT, cli, leftovers, one_clean_line, sha256
from tests.workbench.helpers import ROWS, write_csv
from tests.workbench.test_merge import reviewed  # noqa: F401  (fixture)
from tests.workbench.test_packages import ROUND, master_template  # noqa: F401  (fixture)


@pytest.fixture
def home(tmp_path):
    return tmp_path / "home"


@pytest.fixture
def workspace(tmp_path, home):
    path = tmp_path / "w.sqlite3"
    assert cli("import", str(write_csv(tmp_path / "c.csv", ROWS)), "--db", str(path), home=home).returncode == 0
    return path


# -- a missing workspace is not created by a command that only uses one (issue 11, item 6) ---------

@pytest.mark.parametrize("command", [
    ["export", "OUT.xlsx"], ["verify"], ["sample", "--round", "R", "--size", "2"], ["round-status", "--round", "R"],
    ["package", "--round", "R", "--reviewer", "a", "OUT.qrpkg"], ["merge", "PKG"],
    ["reassign", "--round", "R", "--case", "202210123456.1", "--to", "b"]])
def test_commands_that_use_a_workspace_do_not_create_one(tmp_path, home, command):
    package = tmp_path / "p.qrpkg"
    open_database(package).close()
    args = [str(tmp_path / a) if a.startswith("OUT") else str(package) if a == "PKG" else a for a in command]
    missing = tmp_path / "typo" / "wrokspace.sqlite3"
    run = cli(*args, "--db", str(missing), home=home)
    one_clean_line(run)
    assert f"There is no workspace at {missing}" in run.stderr
    assert not missing.parent.exists() and not (tmp_path / "OUT.xlsx").exists()


def test_the_environment_variable_is_held_to_the_same_rule(tmp_path, home):
    env = {**os.environ, "WORKBENCH_HOME": str(home), "WORKBENCH_DB": str(tmp_path / "nope.sqlite3")}
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "verify"], capture_output=True, text=True,
                          env=env, timeout=60)
    assert done.returncode == 2 and "There is no workspace at" in done.stderr
    assert not (tmp_path / "nope.sqlite3").exists()


# -- paths that are not files -----------------------------------------------------------------------

@pytest.fixture
def odd_paths(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    (tmp_path / "folder").mkdir()
    return {"fifo": fifo, "loop": tmp_path / "loop1", "folder": tmp_path / "folder"}


@pytest.mark.parametrize("kind", ["fifo", "loop", "folder"])
def test_db_that_is_not_a_file_is_exit_2(odd_paths, home, kind):
    run = cli("verify", "--db", str(odd_paths[kind]), home=home, timeout=30)
    one_clean_line(run)
    assert {"fifo": "named pipe", "loop": "symbolic links", "folder": "folder"}[kind] in run.stderr


@pytest.mark.parametrize("command", [["open", "FIFO", "--check"], ["merge", "FIFO"], ["checklist", "validate", "FIFO"],
                                     ["import", "CSV", "--mapping", "FIFO"], ["import", "FIFO"]])
def test_a_named_pipe_as_input_is_refused_not_waited_on(odd_paths, workspace, tmp_path, home, command):
    args = [str(odd_paths["fifo"]) if a == "FIFO" else str(tmp_path / "c.csv") if a == "CSV" else a for a in command]
    run = cli(*args, "--db", str(workspace), home=home, timeout=30) if command[0] != "checklist" else \
        cli(*args, home=home, timeout=30)
    one_clean_line(run)
    assert "named pipe (FIFO), not a regular file" in run.stderr


@pytest.mark.parametrize("encoding", ["idna", "rot13", "hex", "no-such-codec"])
def test_an_encoding_that_cannot_read_text_is_exit_2_before_anything_is_written(tmp_path, home, encoding):
    path = tmp_path / "new.sqlite3"
    run = cli("import", str(write_csv(tmp_path / "c.csv", ROWS)), "--encoding", encoding, "--db", str(path),
              home=home)
    one_clean_line(run)
    assert encoding in run.stderr and not path.exists()


def test_a_closed_pipe_after_the_merge_committed_is_exit_0_and_quiet(reviewed, tmp_path, home):  # noqa: F811
    template, files, _ = reviewed
    master = tmp_path / "master.sqlite3"
    shutil.copyfile(template, master)
    read_end, write_end = os.pipe()
    os.close(read_end)        # the reader (`head -c 20`) is gone before anything is written
    try:
        run = cli("merge", *map(str, files.values()), "--db", str(master), home=home, stdout=write_end)
    finally:
        os.close(write_end)
    assert run.returncode == 0 and run.stderr == ""
    conn = sqlite3.connect(master)
    assert conn.execute("SELECT COUNT(*) FROM package_merges").fetchone()[0] == len(files)
    conn.close()


# -- full disks -------------------------------------------------------------------------------------

@pytest.mark.parametrize("checkpoint", ["file.before_rename", "db.before_commit"])
def test_disk_full_is_one_line_and_leaves_nothing(tmp_path, home, workspace, checkpoint):
    out = tmp_path / "out" / "r.xlsx"
    out.parent.mkdir()
    before = sha256(workspace)
    if checkpoint == "file.before_rename":
        run = cli("export", str(out), "--db", str(workspace), home=home, enospc=checkpoint)
    else:
        run = cli("import", str(write_csv(tmp_path / "d.csv", [["202210123457.X", "发明", "y"]])), "--db",
                  str(workspace), home=home, enospc=checkpoint)
    one_clean_line(run)
    assert "the disk is full" in run.stderr
    assert leftovers(out.parent, tmp_path) == [] and not out.exists()
    assert cli("verify", "--db", str(workspace), home=home).returncode == 0
    if checkpoint == "db.before_commit":
        assert sha256(workspace) == before or sqlite3.connect(workspace).execute(
            "SELECT COUNT(*) FROM cases").fetchone()[0] == len(ROWS)


def test_export_to_a_full_disk_says_so_once(reviewed, tmp_path, home, small_disk):  # noqa: F811
    (small_disk / "filler").write_bytes(b"\0" * 1_030_000)
    run = cli("export", str(small_disk / "r.xlsx"), "--db", str(reviewed[0]), home=home)
    one_clean_line(run)
    assert "the disk is full" in run.stderr.lower() or "No space left" in run.stderr
    assert leftovers(small_disk) == [] and not (small_disk / "r.xlsx").exists()


def test_a_full_log_disk_prints_no_logging_error(tmp_path, small_disk):
    (small_disk / "logs").mkdir()
    (small_disk / "filler").write_bytes(b"\0" * 1_040_000)
    run = cli("verify", "--db", str(tmp_path / "missing.sqlite3"), home=small_disk)
    one_clean_line(run)


def test_a_migration_on_a_full_disk_names_the_disk_and_leaves_no_empty_backup(tmp_path, home, small_disk):
    path = small_disk / "w.sqlite3"
    conn = sqlite3.connect(path)
    migrate(conn, None, migrations()[:2])
    conn.execute("CREATE TABLE filler (x)")
    conn.execute("INSERT INTO filler VALUES (zeroblob(600000))")
    conn.commit()
    conn.close()
    before = sha256(path)
    run = cli("verify", "--db", str(path), home=home)
    one_clean_line(run)
    assert "the disk is full" in run.stderr and "not a workbench database" not in run.stderr
    assert not list(small_disk.glob("*backup*")) and sha256(path) == before


# -- modes of the files the user asked for (issue 11, item 9) ---------------------------------------

def test_files_the_user_asked_for_get_the_umask_mode(master_template, tmp_path, home):  # noqa: F811
    master = tmp_path / "master.sqlite3"
    shutil.copyfile(master_template, master)
    previous = os.umask(0o022)
    try:
        assert cli("export", str(tmp_path / "r.xlsx"), "--db", str(master), home=home).returncode == 0
        assert cli("import", str(write_csv(tmp_path / "c.csv", ROWS + [["bad", "发明", "x"]])), "--report",
                   str(tmp_path / "report.csv"), "--db", str(master), home=home).returncode == 0
        assert cli("package", "--round", ROUND, "--reviewer", "Alice", str(tmp_path / "a.qrpkg"), "--db",
                   str(master), home=home).returncode == 0
        os.umask(0o027)
        assert cli("export", str(tmp_path / "r2.xlsx"), "--db", str(master), home=home).returncode == 0
    finally:
        os.umask(previous)
    for name in ("r.xlsx", "report.csv", "a.qrpkg"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644, name
    assert stat.S_IMODE((tmp_path / "r2.xlsx").stat().st_mode) == 0o640


def test_a_read_only_file_is_refused_for_writes_in_one_line(workspace, home, monkeypatch):
    from workbench import cli as cli_module
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if mode == os.W_OK else real_access(p, mode, **kw))
    import io
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setenv("WORKBENCH_HOME", str(home))
    code = cli_module.main(["sample", "--round", "R", "--size", "1", "--db", str(workspace)], out=out, err=err)
    assert code == 2 and "read-only" in err.getvalue() and len(err.getvalue().splitlines()) == 1
    assert cli_module.main(["verify", "--db", str(workspace)], out=out, err=err) == 0
