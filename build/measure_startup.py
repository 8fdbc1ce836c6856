"""How fast does the packaged window appear? Time from launch to the main window mapped on an X server.

    .venv/bin/python build/measure_startup.py [--runs 5] [--dist dist]

Needs Xvfb and xwininfo (Debian: xvfb, x11-utils); uses $DISPLAY when set, else starts a
private Xvfb. Each run starts the frozen executable on a workspace holding the demo cases
(so no first-run question) and polls the window tree for the main window's title. The same
is measured from the source tree (`python main.py`) for comparison, then two frozen windows
are started on one workspace and the second must show "Workspace in use".
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "build"))
sys.path.insert(0, str(ROOT))

from build_dist import bundle_dir, executable  # noqa: E402

TIMEOUT = 30.0


def window_titles(env: dict[str, str]) -> str:
    return subprocess.run(["xwininfo", "-root", "-tree"], env=env, capture_output=True, text=True,
                          encoding="utf-8", errors="replace").stdout


def wait_for(title: str, env: dict[str, str], process: subprocess.Popen) -> float | None:
    started = time.monotonic()
    while time.monotonic() - started < TIMEOUT:
        if title in window_titles(env):
            return time.monotonic() - started
        if process.poll() is not None:
            return None
        time.sleep(0.01)
    return None


def launch(command: list[str], env: dict[str, str]) -> tuple[subprocess.Popen, float]:
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), time.monotonic()


def measure(command: list[str], workspace: Path, env: dict[str, str], runs: int) -> list[float]:
    times = []
    title = workspace.name
    for _ in range(runs):
        process = subprocess.Popen([*command, "--db", str(workspace)], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds = wait_for(title, env, process)
        process.kill()
        process.wait()
        if seconds is None:
            raise SystemExit(f"no window titled {title!r} from {command}")
        times.append(seconds)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    if not shutil.which("xwininfo"):
        raise SystemExit("xwininfo is needed (Debian: x11-utils)")
    frozen = executable(bundle_dir(args.dist))
    xvfb = None
    with tempfile.TemporaryDirectory(prefix="workbench-startup-") as folder:
        home = Path(folder)
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WORKBENCH_DB")}
        env["WORKBENCH_HOME"] = str(home)
        env["LANG"] = env.get("LANG", "C.UTF-8")
        if "DISPLAY" not in env:
            if not shutil.which("Xvfb"):
                raise SystemExit("no $DISPLAY and no Xvfb to start one")
            env["DISPLAY"] = ":87"
            xvfb = subprocess.Popen(["Xvfb", ":87", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(1.0)
        try:
            workspace = home / "workspace.sqlite3"
            subprocess.run([str(frozen), "--db", str(workspace), "import",
                            str(ROOT / "resources" / "samples" / "demo_cases.csv")],
                           env=env, check=True, capture_output=True)
            for label, command in (("frozen", [str(frozen)]),
                                   ("source", [sys.executable, str(ROOT / "main.py")])):
                times = measure(command, workspace, env, args.runs)
                print(f"{label}: main window shown after {statistics.median(times):.2f} s "
                      f"(median of {len(times)}: {', '.join(f'{t:.2f}' for t in times)})")

            first = subprocess.Popen([str(frozen), "--db", str(workspace)], env=env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            second = None
            try:
                if wait_for(workspace.name, env, first) is None:
                    raise SystemExit("the first window did not appear")
                second = subprocess.Popen([str(frozen), "--db", str(workspace)], env=env,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                asked = wait_for("Workspace in use", env, second)
                print(f"second frozen window on the same workspace: "
                      f"{'asked after %.2f s' % asked if asked is not None else 'NOT ASKED'}")
            finally:
                for process in (first, second):
                    if process is not None:
                        process.kill()
                        process.wait()
        finally:
            if xvfb is not None:
                xvfb.kill()
                xvfb.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
