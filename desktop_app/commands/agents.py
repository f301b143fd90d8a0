"""`agentsgt-desktop agents`: list the agents of the key's organization."""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app.commands.api import add_api_command, run_api_command
from desktop_app.commands.common import for_terminal, print_json
from desktop_app.core.api_types import Agent
from desktop_app.core.client import AgentsGTClient


def register(subparsers: Any) -> None:
    """Add the `agents` subcommand."""
    add_api_command(
        subparsers,
        "agents",
        summary="list your organization's agents",
        description="List the agents of the organization that owns the API key.",
        agent=False,
        json_help="print the agents as JSON",
        run=run,
    )


def run(args: argparse.Namespace) -> int:
    """Run `agents`."""

    async def work(client: AgentsGTClient) -> int:
        agents = await client.list_agents()
        if args.json:
            print_json(agents)
        elif not agents:
            print("No agents yet. Create one in the AgentsGT dashboard.")
        else:
            for agent in agents:
                print(for_terminal(format_agent(agent)))
        return 0

    return run_api_command(args, lambda _target: work)


def format_agent(agent: Agent) -> str:
    """One line: id, name, model."""
    model = ""
    if agent.model is not None:
        model = f"  [{agent.model.display_name or agent.model.name}]"
    return f"{agent.id}  {agent.name or '(unnamed)'}{model}"
