"""Shared fixtures. Qt runs headless in every test."""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
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
