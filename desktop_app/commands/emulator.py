"""`agentsgt-desktop emulator`: run the local AgentsGT emulator until Ctrl+C."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    """Add the `emulator` subcommand; its own options are parsed by the emulator module."""
    parser = subparsers.add_parser(
        "emulator",
        help="run the local AgentsGT emulator (see `emulator --help`)",
        description="Run the local AgentsGT emulator.",
        add_help=False,  # --help goes to the emulator's own parser, which knows its options
    )
    # Everything after `emulator` is left unparsed here (cli.main passes it on as `extra`).
    parser.set_defaults(run=run, takes_extra_arguments=True)


def run(args: argparse.Namespace) -> int:
    """Parse the emulator's options with its own parser and run it."""
    # Imported only now: the web server stack is not needed by the other commands.
    from desktop_app.emulator.server import add_arguments, run_from_args

    parser = argparse.ArgumentParser(
        prog="agentsgt-desktop emulator", description="Run the local AgentsGT emulator."
    )
    add_arguments(parser)
    try:
        options = parser.parse_args(args.extra)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 2
    return int(run_from_args(options) or 0)
