"""Small real filesystems for the fault suite: a full disk and read-only media.

They need the right to mount (root in a container that allows it, as in CI's image); where the
machine does not allow it the tests that need them are skipped, saying why. The same faults
are also injected without a mount (WORKBENCH_FAULT_ENOSPC) in tests that always run.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Callable

import pytest


def _mount(target: Path, options: str) -> str | None:
    """Mount a tmpfs; None when done, else why not."""
    if shutil.which("mount") is None:
        return "no mount command"
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)],
                          capture_output=True, text=True, timeout=30)
    return None if done.returncode == 0 else f"cannot mount a tmpfs here: {done.stderr.strip() or done.returncode}"


def _umount(target: Path) -> None:
    subprocess.run(["umount", "-l", str(target)], capture_output=True, timeout=30)


@pytest.fixture
def small_disk(tmp_path):
    """A 1 MB tmpfs: a disk that fills up."""
    target = tmp_path / "small"
    target.mkdir()
    why = _mount(target, "size=1m")
    if why:
        pytest.skip(why)
    yield target
    _umount(target)


@pytest.fixture
def read_only_mount(tmp_path) -> Callable[[dict[str, bytes]], Path]:
    """Read-only media holding the given files."""
    target = tmp_path / "media"
    target.mkdir()
    mounted = []

    def make(files: dict[str, bytes]) -> Path:
        why = _mount(target, "size=16m")
        if why:
            pytest.skip(why)
        mounted.append(target)
        for name, data in files.items():
            (target / name).write_bytes(data)
        done = subprocess.run(["mount", "-o", "remount,ro", str(target)], capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"cannot remount read-only: {done.stderr.strip()}")
        return target
    yield make
    for path in mounted:
        _umount(path)
