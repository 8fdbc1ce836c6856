"""The command line of work packages: package, open, merge (stable contract)."""
from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.workbench.test_merge import conflicting, reviewed  # noqa: F401  (fixtures)
from tests.workbench.test_packages import ROUND, copy_master, dump, master_template  # noqa: F401
from workbench import cli

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("WORKBENCH_DB", raising=False)


def run(*argv: str, gui=None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), gui=gui, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_package_open_merge_through_the_real_entry_point(master_template, tmp_path):  # noqa: F811
    master = copy_master(master_template, tmp_path)
    package = tmp_path / "alice.qrpkg"
    env = {**os.environ, "WORKBENCH_HOME": str(tmp_path / "home")}
    env.pop("WORKBENCH_DB", None)

    def main_py(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                              env=env, cwd=ROOT, timeout=120)
    made = main_py("package", "--round", ROUND, "--reviewer", "Alice", str(package), "--db", str(master))
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith(f"Wrote {package}: work package for Alice in round '{ROUND}': 6 cases")
    checked = main_py("open", str(package), "--check")
    assert checked.returncode == 0 and "reviewer:  Alice" in checked.stdout and "intact" in checked.stdout
    merged = main_py("merge", str(package), "--db", str(master))
    assert merged.returncode == 0 and "nothing new" in merged.stdout, merged.stdout + merged.stderr


def test_merge_prints_per_file_and_twice_changes_nothing(reviewed, tmp_path):  # noqa: F811
    template, files, _ = reviewed
    master = tmp_path / "m.sqlite3"
    master.write_bytes(template.read_bytes())
    code, out, err = run("merge", *map(str, files.values()), "--db", str(master))
    assert code == 0 and err == ""
    assert out.count("merged the package of") == 3 and "updated from the package" in out
    before = dump(master)
    code, out, err = run("merge", *map(str, files.values()), "--db", str(master))
    assert code == 0 and out.count("already merged on") == 3 and dump(master) == before


def test_dry_run_changes_nothing(reviewed, tmp_path):  # noqa: F811
    template, files, _ = reviewed
    master = tmp_path / "m.sqlite3"
    master.write_bytes(template.read_bytes())
    before = dump(master)
    code, out, _ = run("merge", str(files["Alice"]), "--dry-run", "--db", str(master))
    assert code == 0 and out.startswith("Dry run: nothing was changed") and "6 updated" in out
    assert dump(master) == before


def test_conflicts_are_listed_and_refused_unless_a_side_is_preferred(conflicting):  # noqa: F811
    master, path, _, _, item_id, _ = conflicting
    before = dump(master)
    code, out, err = run("merge", str(path), "--db", str(master))
    assert code == 2 and dump(master) == before
    assert err.count("\n") == 1 and err.startswith(f"error: {path.name}: 2 items in 1 review were changed")
    assert f"item {item_id}: here fail" in out and "| package pass" in out and "the review: here status" in out
    code, out, err = run("merge", str(path), "--prefer", "package", "--db", str(master))
    assert code == 0 and err == "" and f"item {item_id}: here fail" in out and "-> package" in out


def test_each_refused_file_is_one_line_and_the_good_one_is_merged(reviewed, tmp_path):  # noqa: F811
    template, files, _ = reviewed
    master = tmp_path / "m.sqlite3"
    master.write_bytes(template.read_bytes())
    truncated = tmp_path / "cut.qrpkg"
    truncated.write_bytes(files["Bob"].read_bytes()[:40960])
    tampered = tmp_path / "edited.qrpkg"
    tampered.write_bytes(files["Carol"].read_bytes())
    conn = sqlite3.connect(tampered)
    conn.execute("UPDATE answers SET comment = 'nobody will notice'"
                 " WHERE (review_id, item_id) = (SELECT review_id, item_id FROM answers LIMIT 1)")
    conn.commit()
    conn.close()
    code, out, err = run("merge", str(truncated), str(files["Alice"]), str(tampered), "--db", str(master))
    lines = err.splitlines()
    assert code == 2 and len(lines) == 2
    assert lines[0].startswith("error: cut.qrpkg is truncated") and "edited.qrpkg was changed outside" in lines[1]
    assert "Alice.qrpkg: merged the package of Alice" in out


def test_open_prints_the_summary_then_starts_the_window_on_the_package(master_template, tmp_path):  # noqa: F811
    master = copy_master(master_template, tmp_path)
    package = tmp_path / "bob.qrpkg"
    assert run("package", "--round", ROUND, "--reviewer", "Bob", str(package), "--db", str(master))[0] == 0
    started = []
    code, out, _ = run("open", str(package), gui=lambda args: started.append(args.db) or 0)
    assert code == 0 and "reviewer:  Bob" in out and started == [str(package.resolve())]
    code, _, _ = run("open", str(package), "--check", gui=lambda args: started.append(args.db) or 0)
    assert code == 0 and len(started) == 1


@pytest.mark.parametrize("content, message", [
    (b"", "is not a work package"),
    (b"SQLite format 3\x00" + b"\x10\x00" + b"\x00" * 200, "truncated"),
])
def test_open_refuses_a_broken_package_in_one_line(tmp_path, content, message):
    path = tmp_path / "broken.qrpkg"
    path.write_bytes(content)
    started = []
    code, out, err = run("open", str(path), gui=lambda args: started.append(args) or 0)
    assert code == 2 and message in err and err.count("\n") == 1 and not started


def test_package_errors_are_one_line(master_template, tmp_path):  # noqa: F811
    master = copy_master(master_template, tmp_path)
    code, _, err = run("package", "--round", "nope", "--reviewer", "Bob", str(tmp_path / "x.qrpkg"),
                       "--db", str(master))
    assert code == 2 and err == "error: There is no round named 'nope'.\n"
    existing = tmp_path / "x.qrpkg"
    existing.write_text("mine")
    code, _, err = run("package", "--round", ROUND, "--reviewer", "Bob", str(existing), "--db", str(master))
    assert code == 2 and "already exists" in err and existing.read_text() == "mine"
    code, _, _ = run("package", "--round", ROUND, "--reviewer", "Bob", str(existing), "--force", "--db", str(master))
    assert code == 0
    code, _, err = run("merge", "--db", str(master))
    assert code == 2 and "required" in err
