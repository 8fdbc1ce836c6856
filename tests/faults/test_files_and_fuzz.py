"""Temporary files of killed runs, the openpyxl fence, the window's question, and a CLI fuzz."""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from tests.faults.helpers import ROOT
from foundation import files
from workbench.report import openpyxl_internals


def test_a_leftover_is_removed_only_when_its_process_is_gone(tmp_path):
    target = tmp_path / "report.xlsx"
    mine = files.create_temp(target)                      # this process: alive
    dead = target.with_name(f".report.xlsx.qrw-tmp-{files.host_tag()}-{dead_pid()}-0123abcd")
    dead.write_bytes(b"partial")
    Path(f"{dead}-wal").write_bytes(b"log")
    other_host = target.with_name(".report.xlsx.qrw-tmp-zzzzzz-1-0123abcd".replace("zzzzzz", "abcdef"))
    other_host.write_bytes(b"another machine's")
    unrelated = tmp_path / ".report.xlsx.tmp"
    unrelated.write_bytes(b"not ours")
    now = time.time()
    removed = files.sweep_leftovers(tmp_path, now=now)
    assert sorted(p.name for p in removed) == sorted([dead.name, f"{dead.name}-wal"])
    assert mine.exists() and other_host.exists() and unrelated.exists()
    if files.host_tag() != "abcdef":
        assert files.sweep_leftovers(tmp_path, now=now + files.FOREIGN_TEMP_AGE + 1) == [other_host]


def dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


def test_a_byte_range_is_read_or_copied_whole_or_refused(tmp_path, monkeypatch):
    import io
    path = tmp_path / "part"
    data = bytes(random.Random(3).randrange(256) for _ in range(10_000))
    path.write_bytes(data)
    monkeypatch.setattr(files, "COPY_CHUNK", 333)            # several chunks
    out = io.BytesIO()
    assert files.copy_range(path, 17, 9_000, out) == 8_983 and out.getvalue() == data[17:9_000]
    assert files.read_range(path, 17, 9_000) == data[17:9_000]
    for broken in (lambda: files.copy_range(path, 5_000, 10_001, io.BytesIO()),
                   lambda: files.read_range(path, 5_000, 10_001)):
        with pytest.raises(OSError, match="shorter than"):
            broken()


def test_temporary_files_get_the_umask_mode(tmp_path):
    previous = os.umask(0o022)
    try:
        made = files.create_temp(tmp_path / "x.csv")
    finally:
        os.umask(previous)
    assert made.stat().st_mode & 0o777 == 0o644


def test_the_openpyxl_fence_knows_this_version():
    # openpyxl_internals replaces openpyxl.worksheet._writer.create_temporary_file: check it again on
    # any other version (the function, its signature and ALL_TEMP_FILES).
    from openpyxl.worksheet import _writer
    assert openpyxl.__version__.startswith(openpyxl_internals.SUPPORTED)
    assert hasattr(_writer, "ALL_TEMP_FILES") and callable(openpyxl_internals._original)


def test_write_only_sheets_stream_beside_the_target(tmp_path, monkeypatch):
    elsewhere = tmp_path / "tmpdir"
    elsewhere.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(elsewhere))
    target = tmp_path / "out" / "book.xlsx"
    target.parent.mkdir()
    seen = []
    with openpyxl_internals.beside(target):
        workbook = openpyxl.Workbook(write_only=True)
        sheet = workbook.create_sheet("s")
        sheet.append([1, 2])
        seen = sorted(p.name for p in target.parent.iterdir())
        workbook.save(target)
    assert len(seen) == 1 and seen[0].startswith(".book.xlsx.qrw-tmp-")
    assert list(elsewhere.iterdir()) == [] and sorted(p.name for p in target.parent.iterdir()) == ["book.xlsx"]


def test_the_window_asks_before_creating_a_workspace_named_explicitly(tmp_path, monkeypatch, qapp):
    from ui import app, dialogs, workspace
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: asked.append(text) or False)
    monkeypatch.setattr(app, "setup_logging", lambda: None)
    monkeypatch.setattr(app, "install_translations", lambda *args: None)
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    missing = tmp_path / "typo.sqlite3"
    assert app.run(db=str(missing), language="en") == 0
    assert not missing.exists() and len(asked) == 1 and str(missing) in asked[0]
    assert workspace.may_create(tmp_path / "default.sqlite3", explicit=False)   # the data folder's: no question


# -- the fuzz ---------------------------------------------------------------------------------------

FUZZ_RUNNER = r"""
import io, json, signal, sys
sys.path.insert(0, sys.argv[1])
from workbench import cli
results = []
for argv in json.loads(sys.stdin.read()):
    signal.alarm(20)          # a hang fails the run instead of blocking it
    out, err = io.StringIO(), io.StringIO()
    try:
        code = cli.main(argv, gui=None, out=out, err=err)
    except BaseException as exc:
        code, err = f"raised {type(exc).__name__}: {exc}", err
    signal.alarm(0)
    results.append([argv, code, err.getvalue()])
print(json.dumps(results))
"""

WORDS = ["import", "export", "verify", "sample", "sample-size", "round-status", "reassign", "package", "open",
         "merge", "demo", "checklist", "validate", "--json", "--round", "R", "--size", "3", "-1", "0", "x",
         "--seed", "7", "--method", "acceptance", "stratified", "--strata", "department", "--aql", "nan",
         "--confidence", "95%", "--margin", "0.05", "--lot", "500", "--level", "II", "--reviewers", "a,b:2",
         "--case", "202210123456.1", "--to", "b", "--reviewer", "a", "--check", "--prefer", "package",
         "--dry-run", "--cases", "5", "--reviewed", "2", "--encoding", "idna", "gb18030", "--delimiter", ";;",
         "--on-conflict", "update", "--where", "decision_date>=2022", "--from", "2022-13-01", "--to",
         "--language", "zh", "--target", "abc", "--mapping", "--report", "--force", "--include-sampled", "--",
         "", "é", "\x00x", "FILE", "DIR", "FIFO", "OUT", "--db", "DB", "MISSING", "--help", "--effort", "a=1"]


def test_random_command_lines_never_crash_or_hang(tmp_path, monkeypatch):
    rng = random.Random(21)
    (tmp_path / "dir").mkdir()
    os.mkfifo(tmp_path / "fifo")
    csv = tmp_path / "c.csv"
    csv.write_text("申请号,专利类型\n202210123456.1,发明\n", encoding="utf-8")
    workspace = tmp_path / "w.sqlite3"
    home = tmp_path / "home"
    env = {**os.environ, "WORKBENCH_HOME": str(home)}
    env.pop("WORKBENCH_DB", None)
    subprocess.run([sys.executable, str(ROOT / "main.py"), "demo", "--cases", "30", "--db", str(workspace)],
                   env=env, check=True, capture_output=True, timeout=120)
    names = {"FILE": str(csv), "DIR": str(tmp_path / "dir"), "FIFO": str(tmp_path / "fifo"),
             "OUT": str(tmp_path / "out.xlsx"), "DB": str(workspace), "MISSING": str(tmp_path / "none.sqlite3")}
    argvs = []
    for _ in range(150):
        argv = [names.get(w, w) for w in rng.choices(WORDS, k=rng.randint(1, 7))]
        if rng.random() < 0.7:
            argv[0] = rng.choice(WORDS[:11])
        argvs.append(argv)
    done = subprocess.run([sys.executable, "-c", FUZZ_RUNNER, str(ROOT)], input=json.dumps(argvs), env=env,
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads(done.stdout.splitlines()[-1])
    bad = [(argv, code, err) for argv, code, err in results
           if code not in (0, 2) or "Traceback" in err or "unexpected error" in err]
    assert bad == []
    assert sum(1 for _, code, _ in results if code == 0) >= 5      # some of them did real work
