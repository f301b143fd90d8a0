"""What every command shares: exit codes, the error-to-sentence map, target and client set-up."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import os
import sys
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum, IntEnum
from typing import TYPE_CHECKING, Any

from desktop_app.core import errors
from desktop_app.core.client import AgentsGTClient
from desktop_app.core.events import Outcome, StreamResult
from desktop_app.core.http import ClientSettings, make_http_client
from desktop_app.core.models import DEFAULT_BASE_URL, Credentials

if TYPE_CHECKING:
    from desktop_app.core.profiles import Profile

PUBLIC_KEY_ENV = "AGENTSGT_PUBLIC_KEY"
SECRET_KEY_ENV = "AGENTSGT_SECRET_KEY"


class ExitCode(IntEnum):
    """The command line's exit codes (documented in the README)."""

    OK = 0
    USAGE = 2  # bad usage or invalid input
    AUTH = 3  # the key was rejected (401/403)
    PAYMENT = 4  # 402: no subscription or no credits
    NOT_FOUND = 5  # 404
    RATE_LIMITED = 6  # 429
    SERVER = 7  # 5xx
    NETWORK = 8  # no connection, or a timeout before the reply began
    STREAM = 9  # the reply ended in an error part, an abort, or incomplete
    INTERRUPTED = 130  # Ctrl+C


@dataclass(frozen=True, slots=True)
class Target:
    """Where a command talks to and as whom. The secret stays inside `credentials`."""

    base_url: str
    credentials: Credentials
    agent_id: str | None = None
    identifier: str | None = None


def describe_failure(error: BaseException) -> tuple[ExitCode, str]:
    """The ONE map from an error to the exit code and the sentence printed on stderr."""
    if isinstance(error, errors.InvalidInputError):
        return ExitCode.USAGE, error.message
    if isinstance(error, errors.AuthenticationError | errors.PermissionDeniedError):
        verb = "rejected" if isinstance(error, errors.AuthenticationError) else "not allowed"
        return ExitCode.AUTH, (
            f"The API key was {verb} ({error.message}). Check the public and secret key "
            "(Settings → API Keys in the AgentsGT dashboard) and that the key is enabled."
        )
    if isinstance(error, errors.PaymentRequiredError):
        if error.reason is errors.PaymentReason.NO_SUBSCRIPTION:
            what = "The organization has no active subscription"
        elif error.reason is errors.PaymentReason.NO_CREDITS:
            what = "The organization has no credits left"
        else:
            what = "Payment is required"
        return ExitCode.PAYMENT, f"{what}. Check the plan and credits in the AgentsGT dashboard."
    if isinstance(error, errors.NotFoundError):
        return ExitCode.NOT_FOUND, (
            f"Not found ({error.message}). Check the agent id and that it belongs to the "
            "key's organization."
        )
    if isinstance(error, errors.RateLimitError):
        wait = f" Wait {error.retry_after:g} s and try again." if error.retry_after else ""
        return ExitCode.RATE_LIMITED, f"Too many requests: the API rate limit was hit.{wait}"
    if isinstance(error, errors.ServerError):
        return ExitCode.SERVER, f"The AgentsGT service failed ({error.message}). Try again later."
    if isinstance(error, errors.APIStatusError):
        return ExitCode.SERVER, f"The server gave an unexpected answer ({error.message})."
    if isinstance(error, errors.APIConnectionError):
        return ExitCode.NETWORK, error.message
    if isinstance(error, errors.StreamProtocolError):
        return ExitCode.SERVER, f"{error.message} Check the API base URL."
    if isinstance(error, errors.AgentsGTError):
        return ExitCode.USAGE, error.message
    return ExitCode.USAGE, errors.redact(f"Unexpected failure: {type(error).__name__}: {error}")


def describe_outcome(result: StreamResult) -> tuple[ExitCode, str] | None:
    """None for a completed reply; else exit code 9 and what happened to the reply."""
    if result.outcome is Outcome.COMPLETED:
        return None
    if result.outcome is Outcome.ERROR:
        return ExitCode.STREAM, f"The agent reported an error: {result.error_text or 'no details'}."
    if result.outcome is Outcome.ABORTED:
        reason = f" ({result.abort_reason})" if result.abort_reason else ""
        return ExitCode.STREAM, f"The server stopped the reply{reason}. Try again."
    if result.error is not None:
        cause = str(result.error)
        return ExitCode.STREAM, f"The reply is incomplete: {cause}"
    return ExitCode.STREAM, "The reply ended before it was complete. Try again."


def fail(code: ExitCode, sentence: str) -> int:
    """Print one sentence on stderr and return the exit code."""
    print(f"agentsgt-desktop: {errors.redact(sentence)}", file=sys.stderr, flush=True)
    return int(code)


def jsonable(value: Any) -> Any:
    """Dataclasses, tuples, dates and enums turned into plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def print_json(value: Any) -> None:
    """Print one JSON document on stdout."""
    print(json.dumps(jsonable(value), ensure_ascii=False, indent=2), flush=True)


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
        database = Database.open(path)
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


def find_profile(
    profiles: Sequence[Profile],
    wanted: str,
    *,
    error: type[errors.AgentsGTError] = errors.InvalidInputError,
    hint: str = "",
) -> Profile:
    """The profile with this id or (case-insensitive) display name; `error` explains a miss
    (followed by `hint`) or a name that several profiles share."""
    matches = [p for p in profiles if p.id == wanted] or [
        p for p in profiles if p.display_name.casefold() == wanted.strip().casefold()
    ]
    if not matches:
        known = ", ".join(sorted(p.display_name for p in profiles)) or "none saved yet"
        raise error(f"There is no profile named {wanted!r} (profiles: {known}).{hint}")
    if len(matches) > 1:
        raise error(f"Several profiles are named {wanted!r}; use the profile id instead.")
    return matches[0]


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
            client = AgentsGTClient(
                http,
                base_url=target.base_url,
                credentials=target.credentials,
                identifier=target.identifier,
                settings=settings,
                extra_headers=extra,
            )
            return await work(client)

    return run_guarded(lambda: asyncio.run(main()))


def run_guarded(action: Callable[[], int]) -> int:
    """Run a command body: expected errors become one sentence and an exit code."""
    try:
        return action()
    except errors.AgentsGTError as exc:
        return fail(*describe_failure(exc))
