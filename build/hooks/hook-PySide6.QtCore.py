"""Replaces PyInstaller's own hook for PySide6.QtCore (hookspath takes precedence): the same
collection, less the Qt plugins and translations build/bundle_rules.py leaves out. Filtering
here, before the analysis, also keeps out the libraries those plugins would pull in."""
import sys
from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bundle_rules import filter_hook_files  # noqa: E402

hiddenimports, binaries, datas = filter_hook_files(*add_qt6_dependencies(__file__))
