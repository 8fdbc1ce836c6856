"""Text from a file or a user, made safe to print on one terminal line.

An imported value can hold an escape sequence (ESC [31m recolours the terminal, ESC ]... can
set its title), a carriage return that overwrites the start of the line, a line break that
makes one message two, bidirectional overrides that show text in another order, or a lone
surrogate that cannot be written to stdout at all. Each such character is shown as its
escape (\\x1b, \\r, \\u202e), so what the terminal shows is what the file holds.
"""
from __future__ import annotations

import re

from foundation.errors import WorkbenchError

_INVISIBLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
                        "\ud800-\udfff\ufffe\uffff]")


_SHORT = {"\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    character = match.group()
    code = ord(character)
    return _SHORT.get(character) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def visible(text: str, *, keep_lines: bool = False) -> str:
    """The text with control, line-breaking and direction-changing characters escaped (tab
    kept; line feeds too with keep_lines)."""
    if not _INVISIBLE.search(text):
        return text
    if keep_lines:
        return "\n".join(_INVISIBLE.sub(_escape, line) for line in text.split("\n"))
    return _INVISIBLE.sub(_escape, text)


def error_text(exc: WorkbenchError) -> str:
    """An error's message for a terminal: one line, unless its template is made of several."""
    template = WorkbenchError.templates.get(exc.code, "")
    return visible(exc.message(), keep_lines="\n" in template)
