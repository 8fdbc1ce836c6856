"""The command line's parser: a usage problem in one line, the options several commands share,
and `Command`, the two halves each command group declares (its arguments, its handler)."""
from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import Callable, NoReturn, TextIO

#: argparse's object that `add_subparsers` returns (it has no public name).
Subcommands = argparse._SubParsersAction
Handler = Callable[[argparse.Namespace, TextIO], int]

#: The one rule for rates (foundation.rates.RULE), escaped for argparse's %-formatting.
RULE = "a number with %% or above 1 is a percentage, otherwise a fraction"
LEVELS = ("S-1", "S-2", "S-3", "S-4", "I", "II", "III")   # workbench.rounds.acceptance.LEVELS, without importing it


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    """argparse that reports a usage problem as one line instead of a usage block."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see --help)")


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="the workspace file (default: WORKBENCH_DB, else the user's data folder)")


@dataclass(frozen=True)
class Command:
    """One command: `add_parser(commands)` declares its arguments, `run(args, out)` does it."""
    add_parser: Callable[[Subcommands], None]
    run: Handler
