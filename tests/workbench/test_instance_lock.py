"""The workspace lock, with a real second process holding it (the case that matters)."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from foundation.instance_lock import LockHolder, WorkspaceLock, current_holder, lock_path, read_holder

ROOT = Path(__file__).resolve().parents[2]

HOLDER_SCRIPT = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, sys.argv[2])
    from foundation.instance_lock import WorkspaceLock
    lock = WorkspaceLock(sys.argv[1])
    print("taken" if lock.acquire() is None else "busy", flush=True)
    time.sleep(120)
""")


@pytest.fixture
def holder_process(tmp_path):
    """Start a process that takes the lock of tmp_path/w.sqlite3 and sleeps; yields it."""
    processes = []

    def start(db: Path) -> subprocess.Popen:
        process = subprocess.Popen([sys.executable, "-c", HOLDER_SCRIPT, str(db), str(ROOT)],
                                   stdout=subprocess.PIPE, text=True)
        processes.append(process)
        assert process.stdout.readline().strip() == "taken"
        return process

    yield start
    for process in processes:
        process.kill()
        process.wait()
        process.stdout.close()


def test_lock_file_sits_beside_the_database(tmp_path):
    assert lock_path(tmp_path / "w.sqlite3") == tmp_path / "w.sqlite3.lock"


def test_acquire_records_the_holder_and_release_clears_it(tmp_path):
    lock = WorkspaceLock(tmp_path / "w.sqlite3")
    assert lock.acquire() is None and lock.held
    recorded = read_holder(lock.path)
    me = current_holder()
    assert (recorded.user, recorded.host, recorded.pid) == (me.user, me.host, os.getpid())
    assert recorded.since[:10] == me.since[:10]
    assert lock.acquire() is None          # idempotent for its holder
    lock.release()
    assert not lock.held
    assert read_holder(lock.path) == LockHolder()
    assert lock.path.exists()              # never deleted (see the module's docstring)


def test_a_second_lock_in_the_same_process_is_refused(tmp_path):
    with WorkspaceLock(tmp_path / "w.sqlite3") as first:
        assert first.acquire() is None
        second = WorkspaceLock(tmp_path / "w.sqlite3")
        assert second.acquire() is not None and not second.held
    assert WorkspaceLock(tmp_path / "w.sqlite3").acquire() is None


def test_a_lock_held_by_another_process_names_its_holder(tmp_path, holder_process):
    db = tmp_path / "w.sqlite3"
    process = holder_process(db)
    holder = WorkspaceLock(db).acquire()
    assert holder is not None
    assert holder.pid == process.pid
    assert holder.user == current_holder().user and holder.host == current_holder().host
    assert holder.known and holder.since


def test_a_killed_holder_leaves_no_stale_lock(tmp_path, holder_process):
    db = tmp_path / "w.sqlite3"
    process = holder_process(db)
    assert WorkspaceLock(db).acquire() is not None
    process.kill()                      # SIGKILL / TerminateProcess: no clean-up code runs
    process.wait(timeout=10)
    assert read_holder(lock_path(db)).pid == process.pid     # its details are still in the file...
    lock = WorkspaceLock(db)
    assert lock.acquire() is None                            # ...but they do not hold anyone up
    assert read_holder(lock.path).pid == os.getpid()
    lock.release()


def test_a_relative_path_and_its_absolute_form_share_one_lock(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with WorkspaceLock("w.sqlite3") as first:
        assert first.acquire() is None
        assert WorkspaceLock(tmp_path / "w.sqlite3").acquire() is not None


def test_unreadable_details_give_an_unknown_holder(tmp_path):
    path = tmp_path / "w.sqlite3.lock"
    path.write_bytes(b"\xff not json")
    assert read_holder(path) == LockHolder() and not LockHolder().known
    assert read_holder(tmp_path / "missing.lock") == LockHolder()
