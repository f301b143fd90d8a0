"""`agentsgt-desktop import`: add the conversations of a JSON export to the local history."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.commands.common import ExitCode, for_terminal, run_guarded
from desktop_app.core.paths import app_paths


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the `import` subcommand."""
    parser = subparsers.add_parser(
        "import",
        help="import conversations from a JSON export",
        description=(
            "Import a JSON export made by `agentsgt-desktop export --format json`. The file is "
            "checked completely first; if anything is wrong nothing is imported. Conversations "
            "already here (same id) are skipped, so importing twice is harmless. Conversations "
            "join the local profile for the same agent and base URL, or a new profile without "
            "keys."
        ),
    )
    parser.add_argument("path", metavar="PATH", help="the JSON export file")
    # `run` is what desktop_app.cli calls; `func` is kept for callers that use that name.
    parser.set_defaults(run=run_import, func=run_import)


def run_import(args: argparse.Namespace) -> int:
    """Handle `import`: validate the file, import it in one transaction, print what happened."""
    return run_guarded(lambda: _import(args))


def _import(args: argparse.Namespace) -> int:
    # Imported only when the command runs: keeps every other command's start fast.
    from desktop_app.core.export import import_document, read_json_file
    from desktop_app.core.storage import Database

    # Validate before opening (or creating) the database: a bad file changes nothing at all.
    document = read_json_file(Path(args.path).expanduser())
    with Database.open(app_paths().database_path) as database:
        report = import_document(database, document)
    for line in report.lines():
        print(for_terminal(line))
    return int(ExitCode.OK)
