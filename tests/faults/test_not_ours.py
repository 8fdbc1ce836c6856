"""Files that are not ours, two writers, network folders, durability settings (issue 21)."""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from db import filesystems
from db.connection import APPLICATION_ID, configure, open_database
from db.migrate import latest_version, migrate, migrations
from tests.faults.helpers import cli, one_clean_line, sha256
from foundation.errors import WorkbenchError


@pytest.fixture
def home(tmp_path):
    return tmp_path / "home"


@pytest.fixture(autouse=True)
def quiet_notices():
    yield
    configure(notice=None, write_wait_ms=5000)


def foreign(path: Path, *, wal: bool = False, application_id: int = 0, user_version: int = 0) -> Path:
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.execute("INSERT INTO notes (text) VALUES ('not yours')")
    conn.execute(f"PRAGMA application_id = {application_id}")
    conn.execute(f"PRAGMA user_version = {user_version}")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("kind, command", [
    ("plain", ["verify"]), ("plain", ["export", "OUT"]), ("plain", ["import", "CSV"]),
    ("plain", ["round-status", "--round", "R"]), ("plain", ["demo", "--cases", "5"]),
    ("application id", ["verify"]), ("application id", ["import", "CSV"]), ("user version", ["verify"]),
    ("user version", ["demo", "--cases", "5"])])
def test_another_programs_database_is_refused_and_left_byte_identical(tmp_path, home, command, kind):
    path = foreign(tmp_path / "other.sqlite3", application_id=0x1234 if kind == "application id" else 0,
                   user_version=7 if kind == "user version" else 0)
    before = sha256(path)
    csv = tmp_path / "c.csv"
    csv.write_text("申请号\n202210123456.1\n", encoding="utf-8")
    args = [str(tmp_path / "o.xlsx") if a == "OUT" else str(csv) if a == "CSV" else a for a in command]
    run = cli(*args, "--db", str(path), home=home)
    one_clean_line(run)
    assert "not a workbench workspace" in run.stderr and "left as it is" in run.stderr
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.csv", "home", "other.sqlite3"]   # no -wal, no backup


def test_a_foreign_file_in_wal_mode_is_refused_in_process(tmp_path):
    path = foreign(tmp_path / "other.sqlite3", wal=True, application_id=0x99)
    before = sha256(path)
    with pytest.raises(WorkbenchError) as err:
        open_database(path)
    assert err.value.code == "db.foreign" and sha256(path) == before


def test_a_newer_workspace_is_refused_before_the_wal_switch(tmp_path, home):
    path = tmp_path / "future.sqlite3"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.commit()
    conn.close()
    before = sha256(path)
    run = cli("verify", "--db", str(path), home=home)
    one_clean_line(run)
    assert "newer version" in run.stderr and sha256(path) == before
    assert not Path(f"{path}-wal").exists()


def test_new_and_upgraded_workspaces_get_the_application_id(tmp_path):
    new = open_database(tmp_path / "new.sqlite3")
    assert new.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    new.close()
    old = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(old)
    migrate(conn, None, migrations()[:3])     # written before the application id existed
    conn.close()
    upgraded = open_database(old)
    assert upgraded.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert upgraded.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    upgraded.close()


def test_checking_a_package_never_writes_to_it(tmp_path, home):
    from tests.workbench.test_packages import ROUND, build_master
    master = tmp_path / "master.sqlite3"
    build_master(master)
    package = tmp_path / "alice.qrpkg"
    assert cli("package", "--round", ROUND, "--reviewer", "Alice", str(package), "--db", str(master),
               home=home).returncode == 0
    before, files = sha256(package), sorted(p.name for p in tmp_path.iterdir() if p.name != "home")
    run = cli("open", str(package), "--check", home=home)
    assert run.returncode == 0 and "intact" in run.stdout, run.stderr
    assert sha256(package) == before and sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == files


def test_a_package_on_read_only_media_is_checked_not_called_damaged(tmp_path, home, read_only_mount):
    from tests.workbench.test_packages import ROUND, build_master
    master = tmp_path / "master.sqlite3"
    build_master(master)
    package = tmp_path / "alice.qrpkg"
    assert cli("package", "--round", ROUND, "--reviewer", "Alice", str(package), "--db", str(master),
               home=home).returncode == 0
    media = read_only_mount({"alice.qrpkg": package.read_bytes()})
    run = cli("open", str(media / "alice.qrpkg"), "--check", home=home)
    assert run.returncode == 0 and "intact" in run.stdout, run.stderr
    assert sha256(media / "alice.qrpkg") == sha256(package)


def test_a_workspace_on_read_only_media_is_read_and_refuses_writes_in_one_line(tmp_path, home, read_only_mount):
    master = tmp_path / "w.sqlite3"
    assert cli("demo", "--cases", "20", "--reviewed", "0.5", "--db", str(master), home=home).returncode == 0
    open_database(master).close()   # checkpointed: one self-contained file
    media = read_only_mount({"w.sqlite3": master.read_bytes()})
    assert cli("verify", "--db", str(media / "w.sqlite3"), home=home).returncode == 0
    assert cli("export", str(tmp_path / "o.xlsx"), "--db", str(media / "w.sqlite3"), home=home).returncode == 0
    run = cli("sample", "--round", "R", "--size", "3", "--seed", "1", "--db", str(media / "w.sqlite3"), home=home)
    one_clean_line(run)
    assert "read-only" in run.stderr


# -- two writers ----------------------------------------------------------------------------------

def holder(path: Path, seconds: float | None) -> sqlite3.Connection:
    """Another program holding the write lock (released after `seconds` in a thread, or never)."""
    conn = sqlite3.connect(path, check_same_thread=False)
    conn.execute("BEGIN IMMEDIATE")
    if seconds is not None:
        threading.Timer(seconds, conn.commit).start()
    return conn


def test_a_second_writer_waits_with_a_notice_then_writes(tmp_path):
    path = tmp_path / "w.sqlite3"
    open_database(path).close()
    heard: list[str] = []
    configure(notice=lambda notice: heard.append(notice.code), write_wait_ms=10_000)
    other = holder(path, 0.4)
    db = open_database(path)
    with db.atomic():
        db.execute("INSERT INTO cases (application_number, ip_type) VALUES ('202210123456.1', 'invention')")
    assert heard == ["db.waiting"]
    assert db.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == 1
    db.close()
    other.close()


def test_a_still_busy_workspace_is_busy_not_damaged(tmp_path, home, monkeypatch):
    import io

    from workbench import cli as cli_module
    from workbench.cli import support
    from tests.workbench.helpers import ROWS, write_csv
    path = tmp_path / "w.sqlite3"
    open_database(path).close()
    monkeypatch.setattr(support, "WRITE_WAIT_MS", 300)
    monkeypatch.setenv("WORKBENCH_HOME", str(home))
    other = holder(path, None)
    out, err = io.StringIO(), io.StringIO()
    code = cli_module.main(["import", str(write_csv(tmp_path / "c.csv", ROWS)), "--db", str(path)], out=out, err=err)
    other.rollback()
    other.close()
    assert code == 2
    lines = err.getvalue().splitlines()
    assert lines[0].startswith("waiting: The workspace") and len(lines) == 2
    assert lines[1].startswith("error: The workspace") and "busy (another program is writing to it)" in lines[1]
    assert open_database(path).execute("SELECT COUNT(*) FROM cases").fetchone()[0] == 0


def test_an_answer_waits_for_an_import_instead_of_failing(tmp_path):
    from tests.workbench.helpers import MINI_CHECKLIST
    from workbench.review import checklist_parsing
    from workbench.review import checklist_store
    from workbench.review import reviews
    path = tmp_path / "w.sqlite3"
    db = open_database(path)
    db.execute("INSERT INTO cases (application_number, ip_type) VALUES ('202210123456.1', 'invention')")
    db.conn.commit()
    checklist_id = checklist_store.store(db, checklist_parsing.load_template(MINI_CHECKLIST))
    case_id = db.execute("SELECT id FROM cases").fetchone()[0]
    opened = reviews.open_review(db, case_id, reviewer="r", checklist_id=checklist_id)
    item = reviews.load_case_review(db, case_id, reviewer="r").checklist.visible_items({})[0]
    other = holder(path, 0.5)     # the import's transaction, in another process
    reviews.set_answer(db, opened.id, item.id, item.options[0].code, actor="r")
    assert len(reviews.get_answers(db, opened.id)) == 1
    other.close()
    db.close()


# -- network folders and durability ----------------------------------------------------------------

def test_a_workspace_on_a_network_folder_uses_a_rollback_journal_and_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(filesystems, "detect", lambda folder: "nfs4")
    heard: list[WorkbenchError] = []
    configure(notice=heard.append)
    db = open_database(tmp_path / "w.sqlite3")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2     # FULL
    assert [n.code for n in heard] == ["db.network_folder"] and "nfs4" in heard[0].message()
    db.close()
    monkeypatch.setattr(filesystems, "detect", lambda folder: "ext4")
    db = open_database(tmp_path / "w.sqlite3")        # moved to a local disk: WAL again
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_a_local_workspace_is_wal_with_full_synchronous(tmp_path):
    db = open_database(tmp_path / "w.sqlite3")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2
    db.close()


MOUNTINFO = """\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 22 0:35 / /home/me/shared\\040folder rw,relatime - cifs //server/q rw
41 22 0:36 / /mnt/nas rw - nfs4 nas:/export rw
42 41 0:37 / /mnt/nas/local rw - ext4 /dev/sdb1 rw
43 22 0:38 / /media/ssh rw - fuse.sshfs me@host:/ rw
"""


@pytest.mark.parametrize("folder, kind, network", [
    ("/home/me", "ext4", False), ("/home/me/shared folder/q", "cifs", True), ("/mnt/nas/a", "nfs4", True),
    ("/mnt/nas/local/x", "ext4", False), ("/media/ssh", "fuse.sshfs", True), ("/mnt/nasty", "ext4", False),
])
def test_the_filesystem_of_a_folder_is_read_from_mountinfo(folder, kind, network, monkeypatch):
    monkeypatch.setattr(filesystems.os.path, "realpath", lambda p: str(p))
    found = filesystems.linux_type(Path(folder), MOUNTINFO)
    assert found == kind and filesystems.is_network(found) == network


def test_a_locked_master_during_merge_is_busy_not_a_damaged_package(tmp_path, home, monkeypatch):
    import io
    import shutil

    from tests.workbench.test_packages import ROUND, build_master
    from workbench import cli as cli_module
    from workbench.cli import support
    master = tmp_path / "master.sqlite3"
    build_master(master)
    package = tmp_path / "alice.qrpkg"
    assert cli("package", "--round", ROUND, "--reviewer", "Alice", str(package), "--db", str(master),
               home=home).returncode == 0
    monkeypatch.setattr(support, "WRITE_WAIT_MS", 300)
    monkeypatch.setenv("WORKBENCH_HOME", str(home))
    other = holder(master, None)
    out, err = io.StringIO(), io.StringIO()
    code = cli_module.main(["merge", str(package), "--db", str(master)], out=out, err=err)
    other.rollback()
    other.close()
    assert code == 2 and "busy (another program is writing to it)" in err.getvalue()
    assert "damaged" not in err.getvalue() and "Ask for the file again" not in err.getvalue()
    assert not [p for p in tmp_path.iterdir() if ".qrw-tmp-" in p.name]
    shutil.rmtree(home, ignore_errors=True)
