"""PySide6 6.12.0 on CPython 3.11 dropped a reference to None on every Qt call returning
None, so a window died ("none_dealloc") after about 5,000 calls: a reviewer minutes into a
session. The pinned PySide6 must not do that; this test fails if an upgrade brings it back."""
from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication, QComboBox, QWidget
    app = QApplication([])
    widget, combo = QWidget(), QComboBox()
    counts = [sys.getrefcount(x) for x in (None, True, False)]
    for _ in range(20_000):
        widget.setEnabled(True)         # returns None
        combo.currentData()             # an invalid QVariant: None
        widget.isEnabled()              # True
        widget.isHidden()               # False
    after = [sys.getrefcount(x) for x in (None, True, False)]
    print(all(b - a > -100 for a, b in zip(counts, after)), counts, after)
""")


def test_qt_calls_keep_the_reference_counts_of_none_true_and_false():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("True"), result.stdout
