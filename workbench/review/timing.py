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
    _counted_until: float = 0.0     # active time is banked up to this moment
    _banked: float = 0.0
    _paused: bool = field(default=False)

    def _bank_until(self, now: float) -> None:
        """Count the time since the last input, but never past the idle limit after it,
        however often this is called (the window takes the time every second)."""
        if self._last_input is None or self._paused:
            return
        until = min(now, self._last_input + self.idle_after)
        if until > self._counted_until:
            self._banked += until - self._counted_until
            self._counted_until = until

    def touch(self) -> None:
        """The reviewer did something: the time since the last input counts, up to the idle limit."""
        now = self.clock()
        self._bank_until(now)
        self._last_input = self._counted_until = now
        self._paused = False

    def pause(self) -> None:
        """The window lost focus: count up to now, then nothing until the next input."""
        self._bank_until(self.clock())
        self._paused = True
        self._last_input = None

    def take(self) -> float:
        """The active seconds counted since the last take (the clock keeps running)."""
        self._bank_until(self.clock())
        seconds, self._banked = self._banked, 0.0
        return seconds
