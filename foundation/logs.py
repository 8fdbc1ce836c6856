"""The log file: rotated, in the data folder. Unexpected errors are written here in full,
so the user sees a friendly sentence and support gets the traceback."""
from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from foundation.paths import log_path

LOG_BYTES = 1_000_000


class _QuietFileHandler(logging.handlers.RotatingFileHandler):
    """A log that cannot be written (a full disk) is given up quietly: logging's default prints
    "--- Logging error ---" with a traceback on stderr, under the command's one clear line."""

    failed = False

    def handleError(self, record: logging.LogRecord) -> None:
        self.failed = True

LOG_BACKUPS = 5
_configured: Path | None = None


def setup_logging(path: Path | None = None) -> Path:
    """Send the application's log to the rotating file; returns its path. Idempotent."""
    global _configured
    path = path or log_path()
    if _configured == path:
        return path
    root = logging.getLogger()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = _QuietFileHandler(
            path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
    except OSError:
        # A read-only profile must not stop the application; log to stderr instead.
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for old in list(root.handlers):
        if getattr(old, "_workbench", False):
            root.removeHandler(old)
    handler._workbench = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _configured = path
    return path
