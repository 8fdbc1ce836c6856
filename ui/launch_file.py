"""The file the application was started on (a double-clicked work package): which workspace the
window opens, and what it does with the file once shown. The rule is
workbench.packages.opening.how_to_open; this module only shows its outcome.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from foundation.errors import WorkbenchError
from ui import dialogs
from ui.messages import error_text
from workbench.packages.opening import MERGE_PACKAGE, OPEN_PACKAGE, Opening, how_to_open


def resolve(file: str | Path, workspace: Path) -> Opening | None:
    """How to open `file` (`workspace`: the one the window would open without it); None when it
    cannot be opened, said in a dialog (started from the file manager, there is no console)."""
    try:
        return how_to_open(file, workspace)
    except WorkbenchError as exc:
        dialogs.error(None, QCoreApplication.translate("PackageActions", "Cannot open the package"),
                      error_text(exc))
        return None


def start(window: Any, opening: Opening) -> Any:
    """Once the window is shown: a package back in its manager's workspace goes to the merge
    preview (File > Merge packages); a reviewer's package says what it is in the status bar,
    as File > Open package does. Returns the merge task, if any."""
    if opening.kind == MERGE_PACKAGE:
        return window.packages.merge_packages([str(opening.path)])
    if opening.kind == OPEN_PACKAGE and opening.summary is not None:
        info = opening.summary.info
        window.statusBar().showMessage(
            QCoreApplication.translate("PackageActions", "Work package for %1 in round %2: %3 cases.")
            .replace("%1", info.reviewer).replace("%2", info.round_name)
            .replace("%3", str(opening.summary.cases)), 15000)
    return None
