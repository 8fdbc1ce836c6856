"""Active review time: counted while the reviewer works, paused after two minutes without
input and while the window is inactive, so the efficiency figures measure work, not lunch."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

IDLE_AFTER_SECONDS = 120.0


@dataclass
class ActiveTimer:
    clock: Callable[[], float] = time.monotonic
    idle_after: float = IDLE_AFTER_SECONDS
    _last_input: float | None = None
    _banked: float = 0.0
    _paused: bool = field(default=False)

    def touch(self) -> None:
        """The reviewer did something: the time since the last input counts, up to the idle limit."""
        now = self.clock()
        if self._last_input is not None and not self._paused:
            self._banked += min(now - self._last_input, self.idle_after)
        self._last_input = now
        self._paused = False

    def pause(self) -> None:
        """The window lost focus: count up to now, then nothing until the next input."""
        if self._last_input is not None and not self._paused:
            self._banked += min(self.clock() - self._last_input, self.idle_after)
        self._paused = True
        self._last_input = None

    def take(self) -> float:
        """The active seconds counted since the last take (the clock keeps running)."""
        if self._last_input is not None and not self._paused:
            now = self.clock()
            self._banked += min(now - self._last_input, self.idle_after)
            self._last_input = now
        seconds, self._banked = self._banked, 0.0
        return seconds
