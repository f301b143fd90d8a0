"""`agentsgt-desktop export`: write conversations to a JSON, Markdown, HTML, text or PDF file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.errors import AgentsGTError
from desktop_app.core.paths import app_paths

if TYPE_CHECKING:
    from desktop_app.core.export import ExportDocument

EXIT_OK = 0
EXIT_FAILED = 2
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


def _fail(message: str) -> int:
    print(f"agentsgt-desktop export: {message}", file=sys.stderr)
    return EXIT_FAILED


def _read_document(conversation_ids: list[str] | None) -> ExportDocument:
    from desktop_app.core.export import collect
    from desktop_app.core.storage import Database  # only when the command runs: keeps --help fast

    database_path = app_paths().database_path
    if not database_path.exists():
        raise FileNotFoundError(database_path)
    with Database.open(database_path) as database:
        return collect(database, conversation_ids)


def run_export(args: argparse.Namespace) -> int:
    """Handle `export`: read the conversations, write the file, say what was written."""
    from desktop_app.core.export import ExportFormat, render, write_export

    export_format = ExportFormat(args.export_format)
    to_stdout = args.output == "-"
    if to_stdout and export_format is ExportFormat.PDF:
        return _fail("a PDF cannot be written to the terminal: give a file name with -o.")
    try:
        document = _read_document(None if args.all else args.conversations)
    except FileNotFoundError as exc:
        return _fail(f"there is no conversation history yet (no database at {exc.args[0]}).")
    except AgentsGTError as exc:
        return _fail(exc.message)
    if not document.conversations:
        return _fail("there are no conversations to export.")
    try:
        if to_stdout:
            sys.stdout.write(render(document, export_format))
            return EXIT_OK
        output = Path(args.output).expanduser()
        if output.is_dir():
            return _fail(
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
    except OSError as exc:
        return _fail(f"could not write {args.output}: {exc.strerror or exc}.")
    count = len(document.conversations)
    messages = sum(len(c.messages) for c in document.conversations)
    print(
        f"Exported {count} conversation{'s' if count != 1 else ''} "
        f"({messages} message{'s' if messages != 1 else ''}) to {output} as {export_format.value}."
    )
    return EXIT_OK
