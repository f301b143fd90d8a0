"""The command line: `agentsgt-desktop <command>`; with no command (or --demo) it opens the app."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

import desktop_app
from desktop_app import APP_NAME

# The subcommands, in --help order. Adding one is one line here plus its module, which exposes
# `register(subparsers)` and sets `run=<function(args) -> int>` as the parser default.
COMMAND_MODULES: tuple[str, ...] = (
    "desktop_app.commands.chat",
    "desktop_app.commands.agents",
    "desktop_app.commands.balance",
    "desktop_app.commands.history",
    "desktop_app.commands.conversations",
    "desktop_app.commands.search",
    "desktop_app.commands.export",
    "desktop_app.commands.import_",
    "desktop_app.commands.emulator",
)

# Flags that belong to the window, not to a subcommand.
GUI_FLAGS = frozenset({"--demo", "--self-test"})
_CLI_TOP_FLAGS = frozenset({"-h", "--help", "--version"})


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with every registered subcommand."""
    parser = argparse.ArgumentParser(
        prog="agentsgt-desktop",
        description=f"{APP_NAME}: chat with AgentsGT agents. With no command, opens the window.",
        epilog="Exit codes: 0 ok, 1 internal error, 2 bad input, 3 key rejected, 4 payment "
        "required, 5 agent not found, 6 rate limited, 7 server error, 8 network or timeout, 9 the "
        "reply ended in an error, an abort or incomplete, 10 the local history or a file could "
        "not be read or written, 130 interrupted.",
    )
    # The version is read only here (importlib.metadata is slow), never on the way to the window.
    version = desktop_app.__version__
    parser.add_argument("--version", action="version", version=f"%(prog)s {version}")
    parser.add_argument("--demo", action="store_true", help="open the window on the demo agent")
    parser.add_argument("--self-test", action="store_true", help="start the app, check, quit")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def wants_gui(argv: Sequence[str]) -> bool:
    """True when the arguments are for the window: none, or window/Qt flags before any command."""
    if not argv:
        return True
    first = argv[0]
    return first in GUI_FLAGS or (first.startswith("-") and first not in _CLI_TOP_FLAGS)


def run_gui(argv: Sequence[str]) -> int:
    """Hand over to the window (imported only now: the command line needs no Qt)."""
    try:
        from desktop_app.app import main as gui_main
    except ImportError as exc:
        missing = exc.name or "a module"
        print(
            f"agentsgt-desktop: the desktop window cannot start ({missing} is not available). "
            "Use a command instead; see `agentsgt-desktop --help`.",
            file=sys.stderr,
        )
        return 2
    return int(gui_main(list(argv)) or 0)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code (never raises, never prints a traceback)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if wants_gui(args_list):
        return run_gui(args_list)
    _tolerant_console()
    parser = build_parser()
    try:
        args, extra = parser.parse_known_args(args_list)
        if extra and not getattr(args, "takes_extra_arguments", False):
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
    except SystemExit as exit_:  # --help, --version, or bad usage (argparse printed why)
        return exit_.code if isinstance(exit_.code, int) else 2
    args.extra = extra
    if args.command is None:
        return run_gui(args_list)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`): nothing left to say.
        _silence_stdout()
        return 0
    except Exception as exc:  # a bug: still one line, never a traceback (exit code 1)
        from desktop_app.commands.common import fail
        from desktop_app.core.error_text import ExitCode

        return fail(
            ExitCode.INTERNAL,
            f"unexpected internal error ({type(exc).__name__}: {exc}). Please report it.",
        )


def _tolerant_console() -> None:
    # A console that cannot show a character (an emoji on a legacy Windows code page) gets a
    # replacement mark rather than a crash in the middle of a reply.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    raise SystemExit(main())
