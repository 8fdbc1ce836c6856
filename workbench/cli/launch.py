"""The file the window is started on: `main.py [--db PATH] FILE`, as the desktop entry runs it
(`Exec=quality-review-workbench %f`) when a work package is double-clicked.

argparse cannot take an optional positional beside the commands (it would read the file as a
command name), so the file is taken out of the arguments first. Every command keeps its meaning:
a lone argument is a file only if it is no command and names a work package or an existing file.
"""
from __future__ import annotations

from pathlib import Path
from typing import Collection, Sequence

from workbench.packages.opening import is_package_path

#: The options of the bare command line that take a value (build_parser's --db).
VALUED_OPTIONS = ("--db",)


def split_file_argument(argv: Sequence[str], commands: Collection[str]) -> tuple[list[str], str | None]:
    """(the arguments without the file, the file or None)."""
    argv = list(argv)
    positions: list[int] = []
    i = 0
    while i < len(argv):
        token = argv[i]
        if token in VALUED_OPTIONS:
            i += 2
            continue
        if token == "--":            # everything after it is positional
            positions.extend(range(i + 1, len(argv)))
            break
        if not token.startswith("-") or token == "-":
            positions.append(i)
        i += 1
    if len(positions) != 1:
        return argv, None
    at = positions[0]
    token = argv[at]
    if token in commands or not (is_package_path(token) or Path(token).is_file()):
        return argv, None
    return [t for j, t in enumerate(argv) if j != at and t != "--"], token
