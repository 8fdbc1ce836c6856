"""Quality Review Workbench: the application window by default, CLI commands for headless work."""
from __future__ import annotations

import argparse
import os
import sys


def launch_gui(args: argparse.Namespace) -> int:
    from ui.app import run  # Qt is imported only when a window is wanted
    return run(db=args.db, file=getattr(args, "start_file", None))


def main() -> int:
    from workbench.cli import main as cli_main
    code = cli_main(sys.argv[1:], gui=launch_gui)
    try:
        sys.stdout.flush()   # output still buffered for a pipe: its reader may have gone
    except BrokenPipeError:
        # `main.py merge ... | head -c 20`: the work is done; the unread output is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
    return code


if __name__ == "__main__":
    # The export renders its largest sheets in a worker process (workbench.report.excel_background,
    # "spawn"): in the frozen application this runs that worker instead of the application.
    import multiprocessing
    multiprocessing.freeze_support()
    sys.exit(main())
