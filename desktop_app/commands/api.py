"""What the commands that call the AgentsGT API share: target flags, keys, client set-up."""

from __future__ import annotations

import argparse
import asyncio
import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from desktop_app.commands.common import find_profile, run_guarded
from desktop_app.core import errors
from desktop_app.core.client import AgentsGTClient
from desktop_app.core.client_factory import client_for_url
from desktop_app.core.http import ClientSettings, make_http_client
from desktop_app.core.models import DEFAULT_BASE_URL, Credentials

PUBLIC_KEY_ENV = "AGENTSGT_PUBLIC_KEY"
SECRET_KEY_ENV = "AGENTSGT_SECRET_KEY"


@dataclass(frozen=True, slots=True)
class Target:
    """Where a command talks to and as whom. The secret stays inside `credentials`."""

    base_url: str
    credentials: Credentials
    agent_id: str | None = None
    identifier: str | None = None


# --- arguments ---------------------------------------------------------------------------------


def add_target_arguments(parser: argparse.ArgumentParser, *, agent: bool) -> None:
    """--profile, or --base-url (+ --agent); keys come from the profile or the environment."""
    group = parser.add_argument_group(
        "where to connect",
        f"Keys come from the profile's keyring entry, else from {PUBLIC_KEY_ENV} and "
        f"{SECRET_KEY_ENV}; never from a flag.",
    )
    group.add_argument("--profile", metavar="NAME", help="a saved profile (name or id)")
    group.add_argument(
        "--base-url", metavar="URL", help=f"the API base URL (default {DEFAULT_BASE_URL})"
    )
    if agent:
        group.add_argument("--agent", metavar="UUID", help="the agent id (unless --profile)")
    group.add_argument("--identifier", metavar="ID", help="the user identifier to send")
    tuning = parser.add_argument_group("network")
    tuning.add_argument(
        "--idle-timeout", type=float, default=60.0, metavar="S",
        help="give up when nothing arrives for S seconds (default 60)",
    )  # fmt: skip
    tuning.add_argument(
        "--connect-timeout", type=float, default=10.0, metavar="S",
        help="give up connecting after S seconds (default 10)",
    )  # fmt: skip
    tuning.add_argument(
        "--retries", type=int, default=2, metavar="N",
        help="retries after a refused connection or a 429, before any reply (default 2)",
    )  # fmt: skip
    tuning.add_argument(
        "--header", action="append", default=[], metavar="'NAME: VALUE'",
        help="an extra request header (for testing against the emulator)",
    )  # fmt: skip


def settings_from_args(args: argparse.Namespace) -> ClientSettings:
    """The client settings the network flags ask for."""
    try:
        return ClientSettings(
            connect_timeout=args.connect_timeout,
            idle_timeout=args.idle_timeout,
            max_retries=args.retries,
        )
    except ValueError:
        raise errors.InvalidInputError(
            "Timeouts must be more than 0 seconds and --retries 0 or more."
        ) from None


def extra_headers_from_args(args: argparse.Namespace) -> dict[str, str]:
    """Parse repeated `--header 'Name: value'` flags."""
    headers: dict[str, str] = {}
    for raw in args.header:
        name, sep, value = raw.partition(":")
        if not sep or not name.strip():
            raise errors.InvalidInputError(f"--header needs 'Name: value', got {raw!r}.")
        headers[name.strip()] = value.strip()
    return headers


def credentials_from_env() -> Credentials:
    """The key pair from AGENTSGT_PUBLIC_KEY / AGENTSGT_SECRET_KEY."""
    public = os.environ.get(PUBLIC_KEY_ENV, "").strip()
    secret = os.environ.get(SECRET_KEY_ENV, "").strip()
    if not public or not secret:
        raise errors.InvalidInputError(
            f"No API keys: set {PUBLIC_KEY_ENV} and {SECRET_KEY_ENV}, or use --profile NAME "
            "with a profile saved in the app."
        )
    return Credentials(public, secret)


def load_profile_target(name: str) -> Target:
    """A saved profile's URL, agent, identifier and keyring key pair (imported lazily)."""
    try:
        from desktop_app.core.paths import app_paths
        from desktop_app.core.secrets import SecretStore
        from desktop_app.core.storage import Database
    except ImportError:  # a build without the storage layer
        raise errors.InvalidInputError(
            "Saved profiles are not available in this build; use --base-url and --agent with "
            f"{PUBLIC_KEY_ENV} and {SECRET_KEY_ENV}."
        ) from None
    wanted = name.strip()
    path = app_paths().database_path
    profiles = []
    if path.exists():
        database = Database.open_read_only(path)
        try:
            profiles = database.list_profiles()
        finally:
            database.close()
    profile = find_profile(profiles, wanted, hint=" Add it in the app first.")
    credentials = SecretStore().get(profile.key_ref) if profile.key_ref else None
    if credentials is None:
        raise errors.InvalidInputError(
            f"No key is saved for the profile {profile.display_name!r}. Enter the keys in the app."
        )
    return Target(
        base_url=profile.base_url,
        credentials=credentials,
        agent_id=profile.agent_id,
        identifier=profile.identifier or None,
    )


def resolve_target(args: argparse.Namespace, *, need_agent: bool) -> Target:
    """Where to connect: a saved profile, or --base-url/--agent with keys from the environment."""
    agent = getattr(args, "agent", None)
    if args.profile:
        target = load_profile_target(args.profile)
        return Target(
            base_url=args.base_url or target.base_url,
            credentials=target.credentials,
            agent_id=agent or target.agent_id,
            identifier=args.identifier or target.identifier,
        )
    if need_agent and not agent:
        raise errors.InvalidInputError("Say which agent: --agent UUID, or --profile NAME.")
    return Target(
        base_url=args.base_url or DEFAULT_BASE_URL,
        credentials=credentials_from_env(),
        agent_id=agent,
        identifier=args.identifier,
    )


Work = Callable[[AgentsGTClient], Awaitable[int]]


def add_api_command(
    subparsers: Any,
    name: str,
    *,
    summary: str,
    description: str,
    agent: bool,
    json_help: str,
    run: Callable[[argparse.Namespace], int],
    options: Callable[[argparse.ArgumentParser], None] | None = None,
) -> argparse.ArgumentParser:
    """Add a subcommand that calls the API: target flags, its own `options`, then --json."""
    parser = subparsers.add_parser(name, help=summary, description=description)
    add_target_arguments(parser, agent=agent)
    if options is not None:
        options(parser)
    parser.add_argument("--json", action="store_true", help=json_help)
    parser.set_defaults(run=run)
    return parser


def run_api_command(
    args: argparse.Namespace, work_for: Callable[[Target], Work], *, need_agent: bool = False
) -> int:
    """Resolve the target, build the work for it (which may refuse with InvalidInputError),
    run that work on a client; expected failures become one sentence and an exit code."""

    def body() -> int:
        target = resolve_target(args, need_agent=need_agent)
        return run_with_client(args, target, work_for(target))

    return run_guarded(body)


def run_with_client(args: argparse.Namespace, target: Target, work: Work) -> int:
    """Build the shared http client and an AgentsGTClient, run `work`, map failures to exits."""
    settings = settings_from_args(args)
    extra = extra_headers_from_args(args)

    async def main() -> int:
        async with make_http_client(settings) as http:
            client = client_for_url(
                http,
                target.base_url,
                target.credentials,
                settings,
                identifier=target.identifier,
                extra_headers=extra,
            )
            return await work(client)

    return run_guarded(lambda: asyncio.run(main()))
