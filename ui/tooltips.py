"""Tooltips that wrap: a long comment or guidance shown as rich text at most TOOLTIP_WIDTH wide,
instead of one line across the screen."""
from __future__ import annotations

import html

TOOLTIP_WIDTH = 360      # pixels
SHORT = 60               # characters: a text this short stays plain, on one line


def wrapped(text: str | None) -> str:
    """The text as a tooltip that wraps (empty for none)."""
    if not text:
        return ""
    if len(text) <= SHORT and "\n" not in text:
        return text
    body = html.escape(text).replace("\n", "<br>")
    return f'<table width="{TOOLTIP_WIDTH}"><tr><td>{body}</td></tr></table>'
