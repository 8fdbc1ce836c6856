"""The file given on the command line (a double-clicked work package): taken out of the
arguments without changing any command, and what opening it means (workbench.packages.opening)."""
from __future__ import annotations

import io
import sqlite3

import pytest

from foundation.errors import WorkbenchError
from tests.workbench.test_packages import copy_master, export, master_template  # noqa: F401
from workbench import cli
from workbench.cli.launch import split_file_argument
from workbench.packages.opening import MERGE_PACKAGE, OPEN_PACKAGE, OPEN_WORKSPACE, how_to_open


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("WORKBENCH_DB", raising=False)


def test_the_file_is_taken_out_and_every_command_keeps_its_arguments(tmp_path):
    workspace = tmp_path / "w.sqlite3"
    workspace.write_bytes(b"")
    commands = set(cli.COMMANDS)
    assert split_file_argument(["a.qrpkg"], commands) == ([], "a.qrpkg")          # need not exist: refused later
    assert split_file_argument(["--db", "m.sqlite3", "B.QRPKG"], commands) == (["--db", "m.sqlite3"], "B.QRPKG")
    assert split_file_argument([str(workspace)], commands) == ([], str(workspace))
    assert split_file_argument(["--", "-odd.qrpkg"], commands) == ([], "-odd.qrpkg")
    for argv in (["open", "a.qrpkg"], ["merge", "a.qrpkg", "b.qrpkg"], ["--db", "x.qrpkg"], ["verify"],
                 ["no-such-file"], ["a.qrpkg", "b.qrpkg"], ["--version"], []):
        assert split_file_argument(argv, commands) == (argv, None), argv


def test_the_window_is_started_on_the_file_and_commands_are_unchanged(tmp_path):
    started = []

    def gui(args):
        started.append((args.db, args.start_file))
        return 0
    assert cli.main(["--db", "m.sqlite3", "a.qrpkg"], gui=gui, out=io.StringIO(), err=io.StringIO()) == 0
    assert cli.main([], gui=gui, out=io.StringIO(), err=io.StringIO()) == 0
    assert started == [("m.sqlite3", "a.qrpkg"), (None, None)]
    err = io.StringIO()
    assert cli.main(["no-such-command"], gui=gui, out=io.StringIO(), err=err) == 2
    assert "invalid choice: 'no-such-command'" in err.getvalue() and len(started) == 2


def test_a_package_merges_into_its_own_workspace_and_opens_anywhere_else(master_template, tmp_path):  # noqa: F811
    master = copy_master(master_template, tmp_path)
    package = export(master, tmp_path, ["Bob"])["Bob"]
    merge = how_to_open(package, master)
    assert (merge.kind, merge.path, merge.workspace) == (MERGE_PACKAGE, package, master)
    assert merge.summary is not None and merge.summary.info.reviewer == "Bob"
    other = copy_master(master_template, tmp_path, "other.sqlite3")
    other_db = sqlite3.connect(other)
    other_db.execute("UPDATE workspace_info SET uid = 'someone else'")
    other_db.commit()
    other_db.close()
    for workspace in (other, tmp_path / "none.sqlite3", package):     # a reviewer's machine; the package itself
        opened = how_to_open(package, workspace)
        assert (opened.kind, opened.workspace) == (OPEN_PACKAGE, package), workspace
    assert how_to_open(other, master).kind == OPEN_WORKSPACE
    broken = tmp_path / "cut.qrpkg"
    broken.write_bytes(package.read_bytes()[:10000])
    with pytest.raises(WorkbenchError, match="truncated"):
        how_to_open(broken, master)
