"""Test-only fault injection at named checkpoints (the fault suite, tests/faults/).

    WORKBENCH_FAULT_CHECKPOINT=NAME[:N]    the process kills itself (SIGKILL) the Nth time
                                           (default the first) it reaches checkpoint NAME
    WORKBENCH_FAULT_ENOSPC=NAME[:N]        instead raises OSError(ENOSPC) there ("disk full")

Checkpoints: db.before_commit, db.after_commit (every write transaction), file.before_rename,
file.after_rename (every file written for the user), migrate.after_backup, migrate.after_step,
merge.work_copy (the package's work copy is made), package.before_rename.

Without these variables a checkpoint costs one dictionary look-up. They kill at named points,
not at random times, so the suite gives the same result on a loaded machine.
"""
from __future__ import annotations

import errno
import os
import signal

KILL_VARIABLE = "WORKBENCH_FAULT_CHECKPOINT"
ENOSPC_VARIABLE = "WORKBENCH_FAULT_ENOSPC"
_reached: dict[str, int] = {}


def _armed(variable: str, name: str) -> bool:
    spec = os.environ.get(variable)
    if not spec:
        return False
    wanted, _, nth = spec.partition(":")
    if wanted != name:
        return False
    key = f"{variable}:{name}"
    _reached[key] = _reached.get(key, 0) + 1
    return _reached[key] == (int(nth) if nth.isdigit() else 1)


def checkpoint(name: str) -> None:
    """A named point where the fault suite may kill the process or make the disk full."""
    if _armed(KILL_VARIABLE, name):
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
    if _armed(ENOSPC_VARIABLE, name):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
