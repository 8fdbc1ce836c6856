"""Quality Review Workbench: the application window by default, CLI commands for headless work."""
from __future__ import annotations

import argparse
import sys


def launch_gui(args: argparse.Namespace) -> int:
    from ui.app import run  # Qt is imported only when a window is wanted
    return run(db=args.db)


def main() -> int:
    from workbench.cli import main as cli_main
    return cli_main(sys.argv[1:], gui=launch_gui)


if __name__ == "__main__":
    sys.exit(main())
