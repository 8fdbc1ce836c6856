"""Running the real command line in a child process, with fault hooks, and looking at what it left."""
from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
TEMP_MARK = ".qrw-tmp-"
KILLED = -9


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def cli(*args: str, home: Path, tmpdir: Path | None = None, fault: str | None = None, enospc: str | None = None,
        timeout: float = 120, stdout: int | None = None) -> Run:
    """`main.py ARGS` in a child process; `fault` kills it at a checkpoint, `enospc` fills the disk there."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("WORKBENCH_DB", "WORKBENCH_FAULT_CHECKPOINT", "WORKBENCH_FAULT_ENOSPC")}
    env["WORKBENCH_HOME"] = str(home)
    if tmpdir is not None:
        env["TMPDIR"] = str(tmpdir)
    if fault:
        env["WORKBENCH_FAULT_CHECKPOINT"] = fault
    if enospc:
        env["WORKBENCH_FAULT_ENOSPC"] = enospc
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], env=env, cwd=ROOT, timeout=timeout,
                          stdout=stdout if stdout is not None else subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)
    return Run(done.returncode, done.stdout or "", done.stderr)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(*folders: Path) -> list[str]:
    """Our temporary files, and anything openpyxl left, in these folders."""
    found = []
    for folder in folders:
        if folder.is_dir():
            found += [p.name for p in folder.iterdir() if TEMP_MARK in p.name or p.name.startswith("openpyxl")
                      or p.name.startswith("workbench-merge-")]
    return sorted(found)


def counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                for table in ("cases", "reviews", "answers", "audit_log", "rounds", "round_cases",
                              "package_exports", "package_merges")}
    finally:
        conn.close()


def one_clean_line(run: Run) -> None:
    """Exit 2 with one line on stderr and no traceback."""
    assert run.returncode == 2, (run.returncode, run.stderr)
    lines = [line for line in run.stderr.splitlines() if line.strip() and not line.startswith(("waiting:",
                                                                                               "warning:"))]
    assert len(lines) == 1, run.stderr
    assert "Traceback" not in run.stderr and "Exception ignored" not in run.stderr
    assert "Logging error" not in run.stderr
