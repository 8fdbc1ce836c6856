"""Pages whose content follows the workspace, brought up to date only when someone can see them."""
from __future__ import annotations

from typing import Any

from PySide6.QtGui import QShowEvent


class FreshWhenShown:
    """Mixed in before QWidget by a page that follows the workspace (the Dashboard, calibration,
    disputes, the funnel): marked changed, it catches up at once when shown, else when it is next
    shown, so the pages nobody looks at cost nothing while the user works elsewhere. The page says
    how it catches up (`catch_up`); `dirty` says it has yet to."""

    dirty = False

    def mark_changed(self, *_why: Any) -> None:
        self.dirty = True
        if self.isVisible():     # type: ignore[attr-defined]  (a QWidget's)
            self.catch_up(shown=False)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)     # type: ignore[misc]  (the QWidget's)
        if self.dirty:
            self.catch_up(shown=True)

    def catch_up(self, *, shown: bool) -> None:
        """Bring the page up to date (`shown`: it has just been shown) and clear `dirty`."""
        raise NotImplementedError
