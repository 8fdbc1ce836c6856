"""What opening a file given at launch means (`quality-review-workbench FILE`, a double-click on a
work package in the file manager, the desktop entry's `%f`).

A work package goes back to the workspace it was exported from: in the manager's workspace it is
merged (with the preview first); anywhere else it is the reviewer's and opens as the workspace
of its own window (the `open` command). Any other file is a workspace to open (`--db`).
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from workbench.packages.workpackage import SUFFIX, PackageSummary, check_package

OPEN_WORKSPACE = "workspace"     # the file is the workspace of the window
OPEN_PACKAGE = "package"         # a reviewer's package: checked, then the workspace of the window
MERGE_PACKAGE = "merge"          # back in the workspace it came from: merge it there (preview first)


@dataclass(frozen=True)
class Opening:
    kind: str
    path: Path                       # the file given
    workspace: Path                  # the workspace the window opens on
    summary: PackageSummary | None = None


def is_package_path(path: str | Path) -> bool:
    return Path(path).suffix.lower() == SUFFIX


def stored_uid(workspace: Path) -> str:
    """The workspace's identity, read without changing (or upgrading) it; "" if it has none."""
    if not workspace.is_file():
        return ""
    try:
        conn = sqlite3.connect(f"{workspace.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT uid FROM workspace_info WHERE id = 1").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:              # not a workspace, or one too old to have an identity
        return ""
    return str(row[0]) if row and row[0] else ""


def how_to_open(path: str | Path, workspace: Path) -> Opening:
    """`workspace`: the one the window would open without the file (the default or --db).
    Raises WorkbenchError (package.*) for a package that cannot be opened, naming why."""
    path = Path(path)
    if not is_package_path(path):
        return Opening(OPEN_WORKSPACE, path, path)
    summary = check_package(path)
    source = summary.info.source_workspace
    if source and source == stored_uid(workspace) and path.resolve() != workspace.resolve():
        return Opening(MERGE_PACKAGE, path, workspace, summary)
    return Opening(OPEN_PACKAGE, path, path, summary)
