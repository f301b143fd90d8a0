"""`agentsgt-desktop chat MESSAGE`: send one message and print the reply as it streams."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop_app.commands.api import Target, add_api_command, resolve_target, run_with_client
from desktop_app.commands.common import (
    ExitCode,
    describe_failure,
    fail,
    print_json,
    run_guarded,
)
from desktop_app.core.chat_session import ChatSession
from desktop_app.core.client import AgentsGTClient
from desktop_app.core.error_text import retry_wait_text
from desktop_app.core.errors import InvalidInputError
from desktop_app.core.events import StreamResult
from desktop_app.core.models import Credentials, RetryWait
from desktop_app.core.reply_run import ReplyObserver, ReplyRun
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

        async def connect() -> AgentsGTClient:
            return client

        session = ChatSession()
        printer = _ReplyPrinter(show_text=not args.json)
        end = await ReplyRun(
            session, session.send(message), connect, agent_id, observer=printer
        ).run()
        if end.failure is not None or end.result is None:
            # No reply began (a refused key, a rate limit after the retries...): one sentence.
            return fail(*describe_failure(end.failure or RuntimeError("no reply")))
        if args.json:
            print_json(result_json(end.result))
        else:
            printer.end_line()
        problem = end.problem
        return fail(problem.exit_code, problem.cli_line) if problem else int(ExitCode.OK)

    return run_with_client(args, target, work)


class _ReplyPrinter(ReplyObserver):
    """Writes the reply to stdout as it streams; on a terminal, without control sequences.

    On a terminal the reply may not drive it (OSC 52 writes the clipboard): sequences are
    stripped, also when one arrives split over several deltas. Retry waits are told on stderr
    when it is a terminal (a script reading stderr gets only the final sentence).
    """

    def __init__(self, *, show_text: bool) -> None:
        self._show_text = show_text
        self._sanitizer = TerminalSanitizer() if sys.stdout.isatty() else None
        self._last = ""

    def text_received(self, delta: str) -> None:
        if not self._show_text or not delta:
            return
        text = self._sanitizer.feed(delta) if self._sanitizer else delta
        if text:
            sys.stdout.write(text)
            sys.stdout.flush()
            self._last = text

    def retry_scheduled(self, wait: RetryWait) -> None:
        if sys.stderr.isatty():
            notice = retry_wait_text(wait)
            print(f"agentsgt-desktop: {notice.sentence_at(wait.delay)}", file=sys.stderr)

    def end_line(self) -> None:
        """End the reply's last line (the shell prompt goes on a line of its own)."""
        if not self._last.endswith("\n"):
            sys.stdout.write("\n")
            sys.stdout.flush()


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
