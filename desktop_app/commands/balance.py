"""`agentsgt-desktop balance`: whether the organization has a subscription and credits."""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app.commands.api import add_api_command, run_api_command
from desktop_app.commands.common import for_terminal, print_json
from desktop_app.core.api_types import Balance
from desktop_app.core.client import AgentsGTClient


def register(subparsers: Any) -> None:
    """Add the `balance` subcommand."""
    add_api_command(
        subparsers,
        "balance",
        summary="check the subscription and credits",
        description="Check whether the key's organization has an active subscription and "
        "credits left. Exits 0 whatever the answer; read the output (or --json).",
        agent=False,
        json_help="print the balance as JSON",
        run=run,
    )


def run(args: argparse.Namespace) -> int:
    """Run `balance`."""

    async def work(client: AgentsGTClient) -> int:
        balance = await client.check_balance()
        if args.json:
            print_json(
                {
                    **print_ready(balance),
                    "subscription_active": balance.subscription_active,
                }
            )
        else:
            print(for_terminal(format_balance(balance)))
        return 0

    return run_api_command(args, lambda _target: work)


def print_ready(balance: Balance) -> dict[str, Any]:
    """The balance's fields as a JSON object."""
    return {
        "success": balance.success,
        "organization_id": balance.organization_id,
        "has_credits": balance.has_credits,
        "has_assistant": balance.has_assistant,
        "message": balance.message,
    }


def format_balance(balance: Balance) -> str:
    """A few readable lines."""
    lines = [
        f"Organization: {balance.organization_id or 'unknown'}",
        f"Subscription: {'active' if balance.subscription_active else 'none'}",
        f"Credits:      {'available' if balance.has_credits else 'none left'}",
        f"Assistant:    {'configured' if balance.has_assistant else 'not configured'}",
    ]
    if balance.message:
        lines.append(f"Message:      {balance.message}")
    return "\n".join(lines)
