"""The walk a tester makes, under a real X server: the application started as a user starts it
(`main.py` on an empty workspace), driven by keystrokes and clicks from xdotool, a screenshot at
each step, in English and in Chinese.

    .venv/bin/python build/walk_xvfb.py [OUT_DIR] [--language en|zh|both]

Needs Xvfb and xdotool (Debian: xvfb, xdotool) and a CJK font (fonts-wqy-microhei). Starts a
private Xvfb on :93. The steps: the reviewer's name asked once (typed), the demo offered on an
empty workspace (accepted), the first case answered by keyboard (P, F, severity 2, a category with
K), Ctrl+Enter on an unfinished review ("Review not complete"), F1 (the keyboard reference),
Ctrl+E (what the workbook will hold), Ctrl+Shift+T (the Dashboard's trend). Each screenshot is the
whole screen, taken by Qt's own grab of the root window in a second process.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DISPLAY = ":93"
GRAB = ("import sys\nfrom PySide6.QtGui import QGuiApplication\napp = QGuiApplication(sys.argv[:1])\n"
        "sys.exit(0 if app.primaryScreen().grabWindow(0).save(sys.argv[1]) else 1)\n")
NAMES = {"en": "Wang Wei", "zh": "王伟"}
LOCALES = {"en": "en_US.UTF-8", "zh": "zh_CN.UTF-8"}


def xdotool(*args: str) -> str:
    done = subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": DISPLAY},
                          capture_output=True, text=True)
    return done.stdout.strip()


def window_appears(title_part: str, timeout: float = 30.0) -> bool:
    """Whether a window whose title holds `title_part` is mapped within `timeout` seconds."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if xdotool("search", "--name", title_part):
            return True
        time.sleep(0.3)
    return False


def focus_main_window() -> None:
    """Give the keyboard back to the main window by a click on its status bar: Xvfb has no window
    manager to do it when a dialog closes."""
    xdotool("mousemove", "300", "847", "click", "1")
    time.sleep(0.3)


def shoot(path: Path) -> None:
    env = {**os.environ, "DISPLAY": DISPLAY, "QT_QPA_PLATFORM": "xcb"}
    subprocess.run([sys.executable, "-c", GRAB, str(path)], env=env, check=True)
    print(f"  {path}")


def walk(language: str, out: Path) -> None:
    """One walk in one language; screenshots out/walk-<language>-<n>-<step>.png."""
    with tempfile.TemporaryDirectory(prefix="workbench-walk-") as home:
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WORKBENCH_DB")}
        env.update(DISPLAY=DISPLAY, WORKBENCH_HOME=home, LANG=LOCALES[language], LC_ALL=LOCALES[language])
        app = subprocess.Popen([sys.executable, str(ROOT / "main.py")], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        step = 0

        def snap(name: str, wait: float = 1.5) -> None:
            nonlocal step
            time.sleep(wait)
            step += 1
            shoot(out / f"walk-{language}-{step}-{name}.png")

        try:
            if not window_appears("Quality Review Workbench" if language == "en" else "质量评查工作台"):
                raise SystemExit(f"{language}: no window within 30 s")
            snap("reviewer-name")
            xdotool("type", "--delay", "60", NAMES[language])
            xdotool("key", "Return")
            snap("demo-offer", 3.0)
            xdotool("key", "Return")
            snap("first-case", 6.0)
            for key in ("p", "f", "2", "k"):
                xdotool("key", key)
                time.sleep(0.6)
            xdotool("key", "Down", "Return")
            snap("answering")
            xdotool("key", "ctrl+Return")
            snap("not-complete")
            xdotool("key", "Escape")
            focus_main_window()
            xdotool("key", "F1")
            snap("keyboard-help")
            xdotool("key", "Escape")
            focus_main_window()
            xdotool("key", "ctrl+e")
            snap("export-confirmation")
            xdotool("key", "Escape")
            focus_main_window()
            xdotool("key", "ctrl+shift+t")
            snap("dashboard-trend", 4.0)
        finally:
            app.terminate()
            try:
                app.wait(10)
            except subprocess.TimeoutExpired:
                app.kill()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "build" / "out" / "walk")
    parser.add_argument("--language", choices=("en", "zh", "both"), default="both")
    args = parser.parse_args()
    for tool in ("Xvfb", "xdotool"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is needed (Debian: apt-get install xvfb xdotool)")
    args.out.mkdir(parents=True, exist_ok=True)
    xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)
        for language in (("en", "zh") if args.language == "both" else (args.language,)):
            print(f"{language}:")
            walk(language, args.out)
    finally:
        xvfb.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
