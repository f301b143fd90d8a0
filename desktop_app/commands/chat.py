"""`agentsgt-desktop chat MESSAGE`: send one message and print the reply as it streams."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop_app.commands.api import Target, add_api_command, resolve_target, run_with_client
from desktop_app.commands.common import (
    ExitCode,
    describe_outcome,
    fail,
    print_json,
    run_guarded,
)
from desktop_app.core.client import AgentsGTClient
from desktop_app.core.errors import InvalidInputError
from desktop_app.core.events import StreamResult, TextDelta
from desktop_app.core.models import ChatMessage, Credentials, Role
from desktop_app.core.terminal_text import TerminalSanitizer


def register(subparsers: Any) -> None:
    """Add the `chat` subcommand."""
    parser = add_api_command(
        subparsers,
        "chat",
        summary="send a message and print the streamed reply",
        description="Send MESSAGE to an agent and print the reply as it streams in.",
        agent=True,
        json_help='print one JSON object at the end: {"text", "outcome", "finish_reason", '
        '"error", "protocol"}',
        run=run,
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="chat with the built-in demo agent (a local emulator; no account or keys needed)",
    )
    parser.add_argument("message", metavar="MESSAGE", help="the message, or - to read stdin")


def run(args: argparse.Namespace) -> int:
    """Run `chat`."""
    return run_guarded(lambda: _run(args))


def _run(args: argparse.Namespace) -> int:
    message = _read_message(args.message)
    if args.demo:
        return _demo_chat(args, message)
    return _chat(args, resolve_target(args, need_agent=True), message)


def _demo_chat(args: argparse.Namespace, message: str) -> int:
    """Start the emulator in this process and chat with its first agent (or --agent)."""
    if args.profile or args.base_url:
        raise InvalidInputError("--demo talks to the built-in emulator; drop --profile/--base-url.")
    from desktop_app.emulator.server import EmulatorServer  # the web stack only when needed

    with EmulatorServer() as server:
        keys = server.credentials
        target = Target(
            base_url=server.base_url,
            credentials=Credentials(keys.public_key, keys.secret_key),
            agent_id=args.agent,
            identifier=args.identifier or "demo-user",
        )
        return _chat(args, target, message)


def _read_message(value: str) -> str:
    text = sys.stdin.read() if value == "-" else value
    if not text.strip():
        raise InvalidInputError("The message is empty. Give the message text, or - to read stdin.")
    return text


def _chat(args: argparse.Namespace, target: Target, message: str) -> int:
    async def work(client: AgentsGTClient) -> int:
        agent_id = target.agent_id
        if agent_id is None:  # the demo: its first agent
            agents = await client.list_agents()
            if not agents:
                raise InvalidInputError("The emulator has no agents.")
            agent_id = agents[0].id
        printed_any = False
        last = ""
        # On a terminal the reply may not drive it (OSC 52 writes the clipboard): sequences are
        # stripped, also when one arrives split over several deltas.
        sanitizer = TerminalSanitizer() if sys.stdout.isatty() else None
        async with client.stream_chat(agent_id, [ChatMessage(Role.USER, message)]) as stream:
            async for event in stream:
                if not args.json and isinstance(event, TextDelta) and event.text:
                    text = sanitizer.feed(event.text) if sanitizer else event.text
                    if text:
                        sys.stdout.write(text)
                        sys.stdout.flush()
                        printed_any, last = True, text
        result = stream.result
        if args.json:
            print_json(result_json(result))
        elif not printed_any or not last.endswith("\n"):
            sys.stdout.write("\n")
            sys.stdout.flush()
        failure = describe_outcome(result)
        return fail(*failure) if failure else int(ExitCode.OK)

    return run_with_client(args, target, work)


def result_json(result: StreamResult) -> dict[str, Any]:
    """The --json summary of a reply."""
    error = result.error_text or (str(result.error) if result.error is not None else None)
    if error is None and result.abort_reason:
        error = result.abort_reason
    return {
        "text": result.text,
        "outcome": str(result.outcome),
        "finish_reason": result.finish_reason,
        "error": error,
        "protocol": str(result.protocol) if result.protocol else None,
    }
