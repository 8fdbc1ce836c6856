"""A workaround for a reference-count bug of PySide6 6.12 on CPython 3.11.

Every Qt call that returns None to Python (a void method such as setText or setEnabled, a
null pointer such as currentItem(), an invalid QVariant such as currentData()) hands back
a reference to None it never took. CPython 3.12 and later make None immortal, so nothing
happens there; on 3.11 None's count falls by one per call, and after about 5,000 calls
CPython deallocates None and aborts the process ("Fatal Python error: none_dealloc") -- a
reviewer's window would die a few minutes into a session. None is never freed anyway, so
giving it a count it cannot run out of is harmless, and it is what 3.12 does. Some calls
lose references to True and False the same way (seen when a long session ends), so they get
the same treatment.
"""
from __future__ import annotations

import ctypes
import sys

_RESERVE = 1 << 50


def protect_none() -> None:
    """Make None (and True and False, which some calls lose the same way) effectively
    immortal on CPython before 3.12 (idempotent)."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < _RESERVE // 2:
            count.value += _RESERVE
