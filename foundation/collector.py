"""Python's cycle collector paused while work makes millions of small objects without cycles.

A risk refresh or a Dashboard count holds millions of rows, tuples and sets, all alive until it
ends; the collector kept walking them (a quarter of a refresh's time at 100,000 cases) and each of
its passes held the interpreter for 10-40 ms while the window's thread waited (issue 20). Such work
runs on several threads at once (the Dashboard's two workers, a risk refresh beside them), so the
pause is counted: the first to enter pauses the collector, the last to leave resumes it, and only
if it was running before.
"""
from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

_lock = threading.Lock()
_inside = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector paused inside the block (also a decorator: `@collector_paused()`)."""
    global _inside, _was_enabled
    with _lock:
        if _inside == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _inside += 1
    try:
        yield
    finally:
        with _lock:
            _inside -= 1
            if _inside == 0 and _was_enabled:
                gc.enable()
