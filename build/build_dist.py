"""Build the packaged application into dist/ and say how big it is; optionally check it.

    .venv/bin/python build/build_dist.py            # build dist/QualityReviewWorkbench/ (make dist)
    .venv/bin/python build/build_dist.py --check    # build, then run the checks CI runs (make dist-check)
    .venv/bin/python build/build_dist.py --check --no-build   # check the bundle already in dist/

The checks run the frozen executable headless (QT_QPA_PLATFORM=offscreen), each in a
throwaway data folder: `--version`; `self-test` (import, review, export and verify on the
bundled samples); `verify` on a copy of the oldest fixture workspace (tests/data), which
must be upgraded with a backup; `demo` then `verify` in a copy of the bundle marked `portable`,
whose data must stay beside the executable; and the window, on another copy of that oldest
workspace: it must upgrade it (one backup), take the workspace lock and keep running, a second window on the same workspace must be told it is in use, and killing
the first must free the lock.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from db.migrate import latest_version  # noqa: E402
from workbench import APP_ID, APP_NAME, __version__  # noqa: E402

SPEC = ROOT / "build" / "workbench.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "work"
FIXTURES = ROOT / "tests" / "data"      # schema_vN.sqlite3: workspaces of earlier versions
SIZE_BUDGET_MB = 100
GUI_ALIVE_SECONDS = 4.0
GUI_TOLD_SECONDS = 30.0       # the longest a second window may take to say the workspace is in use


def bundle_dir(dist: Path = DIST) -> Path:
    return dist / APP_ID


def executable(bundle: Path) -> Path:
    """The executable that answers on the console (on Windows the -cli twin of the GUI one)."""
    if sys.platform == "win32":
        return bundle / f"{APP_ID}-cli.exe"
    return bundle / APP_ID


def build(dist: Path = DIST, work: Path = WORK, *, quiet: bool = False) -> float:
    """Run PyInstaller on the spec; returns the seconds it took."""
    started = time.monotonic()
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(dist),
               "--workpath", str(work), "--log-level", "WARN" if quiet else "INFO", str(SPEC)]
    subprocess.run(command, cwd=ROOT, check=True)
    return time.monotonic() - started


def tree_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def size_report(bundle: Path, top: int = 12) -> str:
    """The total and what dominates it: the largest files and plugin folders."""
    total = tree_size(bundle)
    files = sorted((f for f in bundle.rglob("*") if f.is_file() and not f.is_symlink()),
                   key=lambda f: f.stat().st_size, reverse=True)
    lines = [f"Bundle {bundle}: {total / 1e6:.1f} MB in {len(files)} files "
             f"(budget {SIZE_BUDGET_MB} MB)"]
    for f in files[:top]:
        lines.append(f"  {f.stat().st_size / 1e6:7.1f} MB  {f.relative_to(bundle)}")
    return "\n".join(lines)


def headless_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("WORKBENCH_DB", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["WORKBENCH_HOME"] = str(home)    # never the builder's own data folder
    return env


def run_frozen(bundle: Path, *args: str, home: Path, timeout: float = 120) -> tuple[subprocess.CompletedProcess, float]:
    started = time.monotonic()
    result = subprocess.run([str(executable(bundle)), *args], env=headless_env(home), capture_output=True,
                            text=True, encoding="utf-8", errors="replace", timeout=timeout)
    return result, time.monotonic() - started


def check(bundle: Path) -> list[str]:
    """Run the frozen executable headless; returns the problems found (empty: all good)."""
    problems: list[str] = []
    exe = executable(bundle)
    if not exe.is_file():
        return [f"no executable at {exe}"]
    with tempfile.TemporaryDirectory(prefix="workbench-dist-check-") as folder:
        home = Path(folder)
        result, seconds = run_frozen(bundle, "--version", home=home)
        print(f"frozen --version: {result.stdout.strip()} ({seconds:.2f} s)")
        if result.returncode != 0 or __version__ not in result.stdout:
            problems.append(f"--version exited {result.returncode}: {result.stdout}{result.stderr}")

        result, seconds = run_frozen(bundle, "self-test", home=home)
        print(result.stdout.rstrip())
        print(f"frozen self-test: exit {result.returncode} ({seconds:.2f} s)")
        if result.returncode != 0 or result.stdout.strip().splitlines()[-1:] != ["OK"]:
            problems.append(f"self-test exited {result.returncode}: {result.stderr.strip()}")

        problems.extend(check_upgrade(bundle, home))
        problems.extend(check_portable(bundle, home))
        problems.extend(check_window_starts(bundle, home))
    return problems


def _oldest_fixture() -> Path:
    fixtures = sorted(FIXTURES.glob("schema_v*.sqlite3"), key=lambda p: int(re.findall(r"\d+", p.name)[0]))
    if not fixtures:
        raise SystemExit(f"no fixture workspaces (schema_vN.sqlite3) in {FIXTURES}")
    return fixtures[0]


def check_upgrade(bundle: Path, home: Path) -> list[str]:
    """The oldest fixture workspace, opened by the frozen executable: upgraded, backed up, intact."""
    oldest = _oldest_fixture()
    old_version = int(re.findall(r"\d+", oldest.name)[0])
    workspace = home / "upgrade" / "workspace.sqlite3"
    workspace.parent.mkdir(parents=True)
    shutil.copyfile(oldest, workspace)
    result, seconds = run_frozen(bundle, "verify", "--db", str(workspace), home=home)
    backups = list(workspace.parent.glob(f"workspace.backup-v{old_version}-*.sqlite3"))
    conn = sqlite3.connect(workspace)
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.close()
    print(f"frozen upgrade of {oldest.name}: exit {result.returncode}, schema {old_version} -> {version}, "
          f"{len(backups)} backup ({seconds:.2f} s)")
    problems = []
    if result.returncode != 0 or "intact" not in result.stdout:
        problems.append(f"verify on the upgraded {oldest.name} exited {result.returncode}: {result.stderr.strip()}")
    if version != latest_version() or len(backups) != 1:
        problems.append(f"{oldest.name} reached schema {version} (expected {latest_version()}) "
                        f"with {len(backups)} backup(s) (expected 1)")
    return problems


def check_portable(bundle: Path, home: Path) -> list[str]:
    """A copy of the bundle with a `portable` file keeps its workspace and log beside itself."""
    copy = home / "portable" / bundle.name
    shutil.copytree(bundle, copy, symlinks=True)
    (copy / "portable").write_text("", encoding="utf-8")
    profile = home / "profile"       # where the data would go without the marker
    env = headless_env(home)
    del env["WORKBENCH_HOME"]
    env.update(HOME=str(profile), XDG_DATA_HOME=str(profile / ".local" / "share"), APPDATA=str(profile))
    # Only import and demo create a workspace (verify refuses a missing one): create it, then verify.
    result = subprocess.run([str(executable(copy)), "demo", "--cases", "20", "--reviewed", "0.5", "--seed", "1"],
                            env=env, capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=120)
    if result.returncode == 0:
        result = subprocess.run([str(executable(copy)), "verify"], env=env, capture_output=True, text=True,
                                encoding="utf-8", errors="replace", timeout=120)
    beside = [copy / "data" / "workspace.sqlite3", copy / "data" / "logs" / "workbench.log"]
    print(f"frozen portable copy: exit {result.returncode}, "
          f"{', '.join(str(p.relative_to(copy)) for p in beside if p.exists())} beside the executable")
    problems = []
    if result.returncode != 0:
        problems.append(f"demo and verify in the portable copy exited {result.returncode}: {result.stderr.strip()}")
    problems.extend(f"portable copy: no {p.relative_to(copy)}" for p in beside if not p.exists())
    if profile.exists():
        problems.append(f"portable copy wrote to the user's profile: {sorted(map(str, profile.rglob('*')))[:3]}")
    shutil.rmtree(copy.parent, ignore_errors=True)
    return problems


def _start_window(bundle: Path, workspace: Path, home: Path) -> subprocess.Popen:
    return subprocess.Popen([str(executable(bundle)), "--db", str(workspace)], env=headless_env(home),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            encoding="utf-8", errors="replace")


def _stop(process: subprocess.Popen) -> None:
    process.kill()
    process.wait(timeout=10)
    if process.stdout:
        process.stdout.close()


def _told_in_use(log: Path, workspace: Path) -> bool:
    return log.is_file() and f"workspace {workspace} is held by" in log.read_text(encoding="utf-8", errors="replace")


def check_window_starts(bundle: Path, home: Path) -> list[str]:
    """Start the window offscreen; it must take the workspace lock and keep running. Then a
    second window on the same workspace must find it in use and wait on the question.

    A missing platform plugin or resource makes Qt or the application stop at once, so a
    process still alive after a few seconds, holding the lock, is a window that came up.
    """
    from foundation.instance_lock import WorkspaceLock, lock_path, read_holder

    # The window opens a workspace of the oldest schema version, as after an upgrade.
    oldest = _oldest_fixture()
    workspace = home / "gui" / "workspace.sqlite3"
    workspace.parent.mkdir(parents=True)
    shutil.copyfile(oldest, workspace)
    lock = lock_path(workspace)
    first = _start_window(bundle, workspace, home)
    second = None
    started = time.monotonic()
    try:
        locked_after = None
        while time.monotonic() - started < GUI_ALIVE_SECONDS:
            if first.poll() is not None:
                output = first.stdout.read() if first.stdout else ""
                return [f"the window exited at once with status {first.returncode}: {output.strip()}"]
            if locked_after is None and read_holder(lock).pid == first.pid:
                locked_after = time.monotonic() - started
            time.sleep(0.05)
        if locked_after is None:
            return [f"the window did not take the workspace lock {lock} within {GUI_ALIVE_SECONDS} s"]
        backups = list(workspace.parent.glob("workspace.backup-v*.sqlite3"))
        if len(backups) != 1:
            return [f"the window opened {oldest.name} but left {len(backups)} backups (expected 1)"]
        print(f"frozen window on a copy of {oldest.name}: workspace locked after {locked_after:.2f} s, "
              f"upgraded with a backup, still running after {GUI_ALIVE_SECONDS:.0f} s")

        second = _start_window(bundle, workspace, home)
        log = home / "logs" / "workbench.log"
        asked = time.monotonic()
        # Polled, not slept: a loaded machine starts the second window late (both cores busy).
        while not (told := _told_in_use(log, workspace)) and second.poll() is None \
                and time.monotonic() - asked < GUI_TOLD_SECONDS:
            time.sleep(0.1)
        if second.poll() is not None or not told or read_holder(lock).pid != first.pid:
            return [f"a second window on the same workspace was not told it is in use "
                    f"(exit {second.poll()}, logged: {told}, lock held by pid {read_holder(lock).pid})"]
        print("frozen second window: told the workspace is in use, waiting on the question")
    finally:
        _stop(first)
        if second is not None:
            _stop(second)
    after_kill = WorkspaceLock(workspace)
    if after_kill.acquire() is not None:
        return ["the workspace lock outlived the killed window"]
    after_kill.release()
    print("frozen window killed: its lock went with it")
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="run the frozen executable's checks afterwards")
    parser.add_argument("--no-build", action="store_true", help="check the bundle already built")
    parser.add_argument("--dist", type=Path, default=DIST, help="output folder (default: dist/)")
    args = parser.parse_args(argv)
    bundle = bundle_dir(args.dist)
    if not args.no_build:
        seconds = build(args.dist, quiet=True)
        print(f"Built {APP_NAME} {__version__} in {seconds:.1f} s")
    print(size_report(bundle))
    if tree_size(bundle) > SIZE_BUDGET_MB * 1e6:
        print(f"warning: the bundle is over the {SIZE_BUDGET_MB} MB budget", file=sys.stderr)
    if args.check:
        problems = check(bundle)
        for problem in problems:
            print(f"FAILED: {problem}", file=sys.stderr)
        if problems:
            return 1
        print("Frozen checks passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
