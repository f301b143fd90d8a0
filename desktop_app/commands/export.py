"""`agentsgt-desktop export`: write conversations to a JSON, Markdown, HTML, text or PDF file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.commands.common import ExitCode, for_terminal, run_guarded
from desktop_app.core.errors import InvalidInputError
from desktop_app.core.paths import app_paths

if TYPE_CHECKING:
    from desktop_app.core.export import ExportDocument

# ExportFormat's values, spelled out so that `--help` of any command need not import the
# exporters (pygments, markdown-it); a test keeps the two in step.
FORMAT_CHOICES = ("json", "md", "html", "txt", "pdf")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the `export` subcommand."""
    parser = subparsers.add_parser(
        "export",
        help="export conversations to a file",
        description=(
            "Export one conversation, several, or all of them. JSON is the complete, "
            "re-importable format; md, html, txt and pdf are for reading (many conversations "
            "go into one file, a section each). Keys are never exported."
        ),
    )
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--conversation",
        dest="conversations",
        action="append",
        metavar="ID",
        help="a conversation id (repeat for several; see `agentsgt-desktop conversations`)",
    )
    which.add_argument("--all", action="store_true", help="every conversation not in the bin")
    parser.add_argument(
        "--format",
        dest="export_format",
        choices=FORMAT_CHOICES,
        required=True,
        help="file format",
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="PATH",
        help="file to write (replaced if it exists); '-' writes a text format to stdout",
    )
    # `run` is what desktop_app.cli calls; `func` is kept for callers that use that name.
    parser.set_defaults(run=run_export, func=run_export)


def _read_document(conversation_ids: list[str] | None) -> ExportDocument | None:
    """The conversations to export, read without writing anything (None: no history yet)."""
    from desktop_app.core.export import collect
    from desktop_app.core.storage import Database  # only when the command runs: keeps --help fast

    database_path = app_paths().database_path
    if not database_path.exists():
        return None
    with Database.open_read_only(database_path) as database:
        return collect(database, conversation_ids)


def run_export(args: argparse.Namespace) -> int:
    """Handle `export`: read the conversations, write the file, say what was written."""
    return run_guarded(lambda: _export(args))


def _export(args: argparse.Namespace) -> int:
    from desktop_app.core.export import ExportFormat, render, write_export
    from desktop_app.core.temp_files import remove_stale_temp_files

    # What an export killed half-way left behind goes first (only our own, old temp files).
    remove_stale_temp_files(app_paths())
    export_format = ExportFormat(args.export_format)
    to_stdout = args.output == "-"
    if to_stdout and export_format is ExportFormat.PDF:
        raise InvalidInputError(
            "A PDF cannot be written to the terminal: give a file name with -o."
        )
    document = _read_document(None if args.all else args.conversations)
    if document is None:
        raise InvalidInputError("There is no conversation history yet: nothing to export.")
    if not document.conversations:
        raise InvalidInputError("There are no conversations to export.")
    if to_stdout:
        sys.stdout.write(for_terminal(render(document, export_format)))
        return int(ExitCode.OK)
    output = Path(args.output).expanduser()
    if output.is_dir():
        raise InvalidInputError(
            f"{output} is a folder: give a file name, like {output / 'chats'}"
            f"{export_format.suffix}."
        )
    if export_format is ExportFormat.PDF:
        # Qt is imported only here: every other format works without it.
        from desktop_app.gui.export_pdf import ensure_gui_application, write_pdf

        ensure_gui_application()
        write_pdf(document, output)
    else:
        write_export(document, export_format, output)
    count = len(document.conversations)
    messages = sum(len(c.messages) for c in document.conversations)
    print(
        f"Exported {count} conversation{'s' if count != 1 else ''} "
        f"({messages} message{'s' if messages != 1 else ''}) to {output} as {export_format.value}."
    )
    return int(ExitCode.OK)
