"""Where things live: bundled resources, the user's data folder, the workspace and the log.

The data folder follows each platform's convention for application data (as Qt's
AppDataLocation does); a file named `portable` beside the executable keeps the data
beside it instead; `--db` and WORKBENCH_DB name the workspace file directly.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path


#: The application's identity on disk: the data folder's name, the executable's (workbench re-exports it).
APP_ID = "QualityReviewWorkbench"
PORTABLE_MARKER = "portable"
WORKSPACE_NAME = "workspace.sqlite3"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def app_root() -> Path:
    """The folder holding resources/: the unpacked bundle when frozen, else the source tree."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent.parent


def resource_dir() -> Path:
    return app_root() / "resources"


def executable_dir() -> Path:
    return Path(sys.executable).resolve().parent if is_frozen() else app_root()


def data_dir() -> Path:
    """The folder for the workspace, logs and settings."""
    override = os.environ.get("WORKBENCH_HOME")
    if override:
        return Path(override)
    if (executable_dir() / PORTABLE_MARKER).exists():
        return executable_dir() / "data"
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_ID


def workspace_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--db first, then WORKBENCH_DB, then the workspace in the data folder."""
    if explicit:
        return Path(explicit)
    from_env = os.environ.get("WORKBENCH_DB")
    if from_env:
        return Path(from_env)
    return data_dir() / WORKSPACE_NAME


def log_path() -> Path:
    return data_dir() / "logs" / "workbench.log"
