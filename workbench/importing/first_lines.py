"""The line each application number was first seen on, for the duplicate check of an import, in
16 bytes a slot with at least half the slots free: 32-64 bytes a number instead of about 150 (issue
20: a dict of a million numbers as text held 150 MB).

A number of the usual stored forms (12 digits, a dot and a check character; 8 digits, a dot and
a check; only digits) is packed exactly into one 64-bit integer; those live in an open-addressing
table of two arrays. Any other number (PCT, EP, US forms) goes into a dict as text.
"""
from __future__ import annotations

from array import array

_CHECKS = "0123456789X"
_FIBONACCI = 0x9E3779B97F4A7C15     # spreads consecutive numbers over the table
_MASK64 = (1 << 64) - 1
_START_BITS = 16
_CN12 = 1 << 56


def pack(number: str) -> int | None:
    """An integer only this number packs to (never 0), or None for a number of another form."""
    if not number.isascii():
        return None
    size = len(number)
    if size == 14 and number[12] == "." and number[:12].isdigit():
        check = _CHECKS.find(number[13])
        return None if check < 0 else _CN12 | (int(number[:12]) * 11 + check)
    if size == 10 and number[8] == "." and number[:8].isdigit():
        check = _CHECKS.find(number[9])
        return None if check < 0 else (2 << 56) | (int(number[:8]) * 11 + check)
    if 0 < size <= 16 and number.isdigit():
        return ((3 + size) << 56) | int(number)      # the length keeps leading zeros apart
    return None


class FirstLines:
    """`first(number, line)`: the line `number` was first seen on, or None when it is new (and is
    then remembered as first seen on `line`)."""

    def __init__(self) -> None:
        self.others: dict[str, int] = {}
        self.count = 0
        self._allocate(_START_BITS)

    def _allocate(self, bits: int) -> None:
        self.bits = bits
        self.mask = (1 << bits) - 1
        self.shift = 64 - bits
        self.keys = array("q", bytes(8 << bits))
        self.lines = array("q", bytes(8 << bits))

    def first(self, number: str, line: int) -> int | None:
        # The usual form packed here, not by pack(): this runs once a row.
        if len(number) == 14 and number[12] == "." and number.isascii() and number[:12].isdigit() \
                and (check := _CHECKS.find(number[13])) >= 0:
            code: int | None = _CN12 | (int(number[:12]) * 11 + check)
        else:
            code = pack(number)
        if code is None:
            found = self.others.setdefault(number, line)
            return None if found == line else found
        keys, mask = self.keys, self.mask
        slot = ((code * _FIBONACCI) & _MASK64) >> self.shift
        key = keys[slot]
        while key:
            if key == code:
                return self.lines[slot]
            slot = (slot + 1) & mask
            key = keys[slot]
        keys[slot] = code
        self.lines[slot] = line
        self.count += 1
        if self.count * 2 > mask:          # at most half full: probes stay short
            self._grow()
        return None

    def _grow(self) -> None:
        keys, lines = self.keys, self.lines
        self._allocate(self.bits + 1)
        new_keys, new_lines, mask, shift = self.keys, self.lines, self.mask, self.shift
        for slot, code in enumerate(keys):
            if code:
                index = ((code * _FIBONACCI) & _MASK64) >> shift
                while new_keys[index]:
                    index = (index + 1) & mask
                new_keys[index] = code
                new_lines[index] = lines[slot]
