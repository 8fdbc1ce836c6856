"""A second connection opened in the same process never releases the first one's locks.

POSIX releases every lock a process holds on a file when the process closes any descriptor of it.
Opening a workspace reads its header first; when that read's descriptor was closed while the
window's connection held the file, another program's connection closing next took the workspace
for unused and deleted its write-ahead log and shared memory under the window (seen as "disk I/O
error" after drawing a round, whose worker opens its own connection)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from db.connection import open_database

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX advisory locks; Windows locks differently")

OTHER_PROGRAM = ("import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\n"
                 "c.execute('SELECT COUNT(*) FROM sqlite_master').fetchone()\nc.close()\n")


@pytest.mark.parametrize("read_only", [False, True])
def test_another_programs_connection_leaves_the_log_of_an_open_workspace(tmp_path, read_only):
    path = tmp_path / "w.sqlite3"
    window = open_database(path)
    window.execute("INSERT INTO rounds (name, created_at, seed) VALUES ('R', '2026-01-01', 1)")
    window.conn.commit()
    worker = open_database(path, read_only=read_only)     # as a background task opens its own
    worker.execute("SELECT COUNT(*) FROM cases").fetchone()
    worker.close()
    subprocess.run([sys.executable, "-c", OTHER_PROGRAM, str(path)], check=True)
    assert os.path.exists(f"{path}-wal") and os.path.exists(f"{path}-shm")
    window.execute("INSERT INTO rounds (name, created_at, seed) VALUES ('S', '2026-01-02', 2)")
    window.conn.commit()
    seen = subprocess.run([sys.executable, "-c", "import sqlite3, sys\nprint(sqlite3.connect(sys.argv[1])"
                           ".execute('SELECT COUNT(*) FROM rounds').fetchone()[0])", str(path)],
                          check=True, capture_output=True, text=True).stdout.strip()
    assert seen == "2"                  # what the window wrote after is in the file others read
    window.close()
