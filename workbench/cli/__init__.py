"""The command line: `python main.py COMMAND ...`, one module per command group, and the self-test
the frozen build runs. Stable: scripts rely on it as documented in the README.

Each group module (importing, reporting, rounds, calibration, feedback, disputes, targets, packages, demo)
declares its commands' arguments and handlers; this module assembles the parser and runs the
command, turning every failure into an exit status and one line on stderr.

Exit status: 0 done; 2 bad input or arguments (one clear message on stderr, no traceback);
1 an unexpected failure (logged in full to the log file).

May import: every capability package of workbench/ and db/; nothing imports it but main.py.
"""
from __future__ import annotations

import argparse
import logging
import sys
from typing import Callable, Sequence, TextIO

from workbench import APP_NAME, __version__
from foundation.errors import Cancelled, WorkbenchError
from workbench.cli import calibration, demo, disputes, feedback, importing, packages, reporting, risk, rounds, targets
from workbench.cli.display import error_text
from workbench.cli.launch import split_file_argument
from workbench.cli.options import Command, Handler, Parser, UsageError
from workbench.cli.support import check_inputs, configure_database, environment_error, silence

log = logging.getLogger("workbench.cli")

GuiLauncher = Callable[[argparse.Namespace], int]

_GROUPS: dict[str, Command] = {**importing.COMMANDS, **reporting.COMMANDS, **rounds.COMMANDS,
                               **packages.COMMANDS, **demo.COMMANDS, **calibration.COMMANDS,
                               **feedback.COMMANDS, **disputes.COMMANDS, **targets.COMMANDS, **risk.COMMANDS}
#: The order --help lists the commands in (as it was before they had modules of their own).
ORDER = ("import", "export", "checklist", "verify", "sample", "sample-size", "reassign", "round-status",
         "calibrate", "calibration-status", "feedback", "disputes", "targets", "risk", "package", "open", "merge", "demo",
         "self-test")
COMMANDS: dict[str, Handler] = {name: _GROUPS[name].run for name in ORDER}


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="main.py", description=f"{APP_NAME}: quality review of examination cases. "
                                               "Without a command, opens the application window; "
                                               "given a FILE (main.py [--db PATH] FILE), a work package "
                                               "(.qrpkg) or a workspace, opens it there.")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--db", metavar="PATH", default=None,
                        help="the workspace file (default: WORKBENCH_DB, else the user's data folder)")
    commands = parser.add_subparsers(dest="command", parser_class=Parser)
    for name in ORDER:
        _GROUPS[name].add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None, *, gui: GuiLauncher | None = None,
         out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    argv, file = split_file_argument(sys.argv[1:] if argv is None else argv, COMMANDS)
    try:
        args = build_parser().parse_args(argv)
        args.start_file = file     # not `file`: import and checklist have an argument of that name
    except UsageError as exc:
        print(str(exc), file=err)
        return 2
    except SystemExit as exc:   # --help and --version
        return int(exc.code or 0)
    from foundation.logs import setup_logging
    log_file = setup_logging()
    try:
        if args.command is None:
            if gui is None:
                print("main.py: no command given (see --help)", file=err)
                return 2
            return gui(args)
        args.gui, args.err = gui, err   # `open` starts the window; `merge` reports each refused file
        configure_database(err)
        check_inputs(args)
        return COMMANDS[args.command](args, out)
    except WorkbenchError as exc:
        print(f"error: {error_text(exc)}", file=err)     # may quote a file: escaped, one line
        return 2
    except Cancelled:
        print("cancelled: nothing was changed", file=err)
        return 2
    except KeyboardInterrupt:
        print("interrupted: nothing was changed", file=err)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`merge ... | head -c 20`): the work is done and
        # committed; only the rest of the printout is lost.
        silence(out)
        return 0
    except Exception as exc:  # the last line of defence: a known cause in one line, else log it
        known = environment_error(exc, getattr(args, "db", None))
        if known is not None:
            log.warning("%s failed: %s", args.command, known.message())
            print(f"error: {known.message()}", file=err)
            return 2
        log.exception("unexpected failure in %s", args.command)
        print(f"unexpected error ({type(exc).__name__}: {exc}); details are in {log_file}", file=err)
        return 1
