"""Fence around one private detail of openpyxl: where a write-only worksheet streams its rows.

openpyxl 3.1 writes each write-only sheet to `openpyxl.worksheet._writer.create_temporary_file()`,
a NamedTemporaryFile in TMPDIR removed only by an atexit handler: a killed export leaves them
there (issue 21: 17 of 20 kills). `beside(target)` makes the sheets of this thread's export
stream to temporary files beside the target instead, named like every other temporary file of
ours (workbench/files.py), so the next run removes what a killed one left.

This is the only module that touches the private function; tests/test_faults_files.py fails on
any openpyxl other than 3.1.x, where this must be checked again.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import openpyxl
from openpyxl.worksheet import _writer

from workbench.base.files import create_temp, remove_quietly

SUPPORTED = "3.1."
_local = threading.local()
_original = _writer.create_temporary_file


def _create_temporary_file(suffix: str = "") -> str:
    target: Path | None = getattr(_local, "target", None)
    if target is None:
        return _original(suffix)
    name = str(create_temp(target))
    _writer.ALL_TEMP_FILES.append(name)   # openpyxl's cleanup() removes it from this list
    _local.made.append(name)
    return name


@contextmanager
def beside(target: Path) -> Iterator[None]:
    """Within the block, this thread's write-only sheets stream to files beside `target`."""
    if not openpyxl.__version__.startswith(SUPPORTED):
        yield   # an unknown openpyxl: leave it alone (the version test says to check this fence)
        return
    if _writer.create_temporary_file is not _create_temporary_file:
        _writer.create_temporary_file = _create_temporary_file
    _local.target, _local.made = target, []
    try:
        yield
    finally:
        for name in _local.made:   # save() removes them; a failure part-way may not have
            remove_quietly(name)
            if name in _writer.ALL_TEMP_FILES:
                _writer.ALL_TEMP_FILES.remove(name)
        _local.target, _local.made = None, []
