"""The entry of a listing's worker held back until its turn (workbench.report.excel_background).

A held worker starts with the export, so that it is there when needed, but takes its job (and with
it the report's modules, about 20 MB) only when released: at a million cases the Cases listing's
worker is released after the report's figures, the export's largest memory, instead of beside them.
This module imports nothing of the application, so a waiting worker holds only the interpreter.
"""
from __future__ import annotations

import importlib
import multiprocessing
import multiprocessing.connection
from typing import Any

POLL_SECONDS = 0.2


def held(jobs: multiprocessing.connection.Connection, conn: multiprocessing.connection.Connection,
         done: Any, module: str) -> None:
    """Wait for the job on `jobs` (None: not needed after all), then do it with `module`'s `work`
    (excel_background's, named: imported only now); give up when the export's process is gone."""
    parent = multiprocessing.parent_process()
    while not jobs.poll(POLL_SECONDS):
        if parent is not None and not parent.is_alive():
            return
    try:
        job = jobs.recv()
    except (EOFError, OSError):
        return
    if job is None:
        return
    importlib.import_module(module).work(job, conn, done)
