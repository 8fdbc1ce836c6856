"""Shared fixtures. Qt runs headless in every test."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The tests write hundreds of workspaces, each synced to disk by SQLite; on a virtual disk shared with
# other work that waiting was most of the suite's time (a group of merge, package and import tests:
# 59-88 s on /tmp, 12-16 s on /dev/shm). Linux's RAM disk instead, unless TMPDIR says otherwise;
# pyproject keeps only failed tests' folders, so it does not fill with old runs.
_RAM_DISK = Path("/dev/shm")
if "TMPDIR" not in os.environ and _RAM_DISK.is_dir() and os.access(_RAM_DISK, os.W_OK):
    os.environ["TMPDIR"] = str(_RAM_DISK)     # for the test processes' children too
    tempfile.tempdir = None                   # gettempdir() reads TMPDIR again
# Tests never touch the user's real workspace or log folder.
os.environ.pop("WORKBENCH_DB", None)

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def pytest_configure(config) -> None:
    """One QApplication for the whole run, made first: the PDF renderer makes a bare
    QGuiApplication when none runs (as the command line needs), and a window test that came
    after it in random order would abort the process creating its first widget."""
    from PySide6.QtWidgets import QApplication
    global _QT_APPLICATION
    _QT_APPLICATION = QApplication.instance() or QApplication([])
    from ui.app import install_translations
    install_translations(_QT_APPLICATION, "en")   # as the application starts: English plurals, counts


@pytest.fixture(scope="session", autouse=True)
def _demo_today():
    """`demo` without --today builds the 24 months before the real date; in tests it takes the fixed
    reference day instead, so every test (and module fixture) that runs the command gets the same
    workspace on any day."""
    from workbench.cli import demo
    from workbench.demo.timeline import REFERENCE_TODAY
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(demo, "today", lambda: REFERENCE_TODAY)
        yield
