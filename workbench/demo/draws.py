"""A random.Random whose most frequent draws skip a layer of Python: the demo draws tens of millions
of choices and small integers. Each gives exactly what random.Random gives for the same state, and
takes the same bits from it (CPython 3.11's choice, randint and randrange with one or two arguments
all come down to _randbelow_with_getrandbits), so a seed's demo is the same workspace as before;
tests/workbench/test_demo_fast.py compares them draw by draw.
"""
from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


class Random(random.Random):
    """random.Random with choice() and randint() inlined (the same draws)."""

    def choice(self, seq: Sequence[T]) -> T:
        n = len(seq)
        if not n:
            raise IndexError("Cannot choose from an empty sequence")
        k = n.bit_length()
        r = self.getrandbits(k)
        while r >= n:
            r = self.getrandbits(k)
        return seq[r]

    def randint(self, a: int, b: int) -> int:
        if type(a) is not int or type(b) is not int or b < a:      # the rare cases: as random does them
            return super().randint(a, b)
        n = b - a + 1
        k = n.bit_length()
        r = self.getrandbits(k)
        while r >= n:
            r = self.getrandbits(k)
        return a + r
