"""PySide6 6.12 on CPython 3.11 drops a reference to None on every call returning None;
without the workaround a process dies after ~5,000 such calls."""
from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.conftest import ROOT

SCRIPT = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, {root!r})
    from PySide6.QtWidgets import QApplication, QWidget
    app = QApplication([])
    if {protect}:
        from ui.qt_workarounds import protect_none
        protect_none()
    widget = QWidget()
    for _ in range(20_000):
        widget.setEnabled(True)       # returns None
    print("alive")
""")


def run(protect: bool) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", SCRIPT.format(root=str(ROOT), protect=protect)],
                          capture_output=True, text=True, timeout=120)


def test_the_window_survives_many_qt_calls_returning_none():
    result = run(protect=True)
    assert result.returncode == 0 and "alive" in result.stdout, result.stderr[-2000:]


def test_the_review_panel_module_applies_the_workaround():
    import ui.review_panel  # noqa: F401  (importing it protects None)
    assert sys.getrefcount(None) > 1 << 40 or sys.version_info >= (3, 12)
