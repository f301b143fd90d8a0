"""`agentsgt-desktop history`: one page of the server-side chat history of an agent or a user."""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app.commands.api import Target, Work, add_api_command, run_api_command
from desktop_app.commands.common import for_terminal, print_json
from desktop_app.core.api_types import HistoryPage, HistoryRecord
from desktop_app.core.client import AgentsGTClient
from desktop_app.core.errors import InvalidInputError


def register(subparsers: Any) -> None:
    """Add the `history` subcommand."""
    add_api_command(
        subparsers,
        "history",
        summary="show the server's chat history of an agent or a user",
        description="Show one page of the chat history kept by AgentsGT: an agent's "
        "(--agent, or the profile's agent) or a user's across all agents (--identifier).",
        agent=True,
        json_help="print the page as JSON",
        run=run,
        options=_add_page_options,
    )


def _add_page_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--page", type=int, default=1, metavar="N", help="page number (from 1)")
    parser.add_argument("--limit", type=int, default=50, metavar="N", help="records per page")
    parser.add_argument("--thread", metavar="ID", help="only this thread")
    parser.add_argument("--start-date", metavar="DATE", help="from this ISO 8601 date")
    parser.add_argument("--end-date", metavar="DATE", help="up to this ISO 8601 date")


def run(args: argparse.Namespace) -> int:
    """Run `history`."""

    def work_for(target: Target) -> Work:
        by_identifier = args.identifier is not None
        if not by_identifier and not target.agent_id:
            raise InvalidInputError(
                "Say whose history: --agent UUID, --identifier ID, or --profile NAME."
            )
        filters = {
            "page": args.page,
            "limit": args.limit,
            "thread_id": args.thread,
            "start_date": args.start_date,
            "end_date": args.end_date,
        }

        async def work(client: AgentsGTClient) -> int:
            if by_identifier:
                page = await client.history_by_identifier(
                    args.identifier, agent_id=args.agent, **filters
                )
            else:
                page = await client.history_by_agent(target.agent_id or "", **filters)
            if args.json:
                print_json(page)
            else:
                print(for_terminal(format_page(page, args.page)))
            return 0

        return work

    return run_api_command(args, work_for)


def format_record(record: HistoryRecord) -> str:
    """One exchange: a header line, the user's input and the agent's output."""
    when = record.created_at.strftime("%Y-%m-%d %H:%M") if record.created_at else "?"
    about = " ".join(
        part
        for part in (
            record.agent_name,
            record.thread_id,
            f"({record.channel})" if record.channel else "",
        )
        if part
    )
    return f"[{when}] {about}\n  > {_indent(record.input)}\n  < {_indent(record.output)}"


def format_page(page: HistoryPage, number: int) -> str:
    """Every record, then where this page sits."""
    if not page.records:
        return "No messages." if number == 1 else f"No messages on page {number}."
    blocks = [format_record(record) for record in page.records]
    footer = f"Page {number}"
    if page.pagination is not None and page.pagination.total is not None:
        footer += f", {page.pagination.total} exchanges in all"
    if page.has_more:
        footer += f"; more with --page {number + 1}"
    return "\n\n".join(blocks) + "\n\n" + footer + "."


def _indent(text: str) -> str:
    return text.replace("\n", "\n    ")
