"""What a long operation needs from its caller: a progress callback and a cancel check.

The same job functions serve the CLI (no progress, never cancelled) and the UI
(a worker thread reporting to a progress dialog with a Cancel button).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Callable

from foundation.errors import Cancelled

#: progress(done, total, label): total is 0 when unknown.
Progress = Callable[[int, int, str], None]


def no_progress(done: int, total: int, label: str = "") -> None:
    """The progress callback for callers that do not show progress."""


@dataclass
class CancelToken:
    """Set from the UI thread, checked by the job between units of work."""

    _event: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Raise Cancelled if the user asked to stop; jobs call this between batches."""
        if self._event.is_set():
            raise Cancelled()
