"""What every command shares: exit codes, the error-to-sentence map, JSON output, profiles.

The set-up of the commands that call the API (target flags, keys, client) is in api.py.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from enum import Enum, IntEnum
from typing import TYPE_CHECKING, Any

from desktop_app.core import errors
from desktop_app.core.events import Outcome, StreamResult

if TYPE_CHECKING:
    from desktop_app.core.profiles import Profile


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


def run_guarded(action: Callable[[], int]) -> int:
    """Run a command body: expected errors become one sentence and an exit code."""
    try:
        return action()
    except errors.AgentsGTError as exc:
        return fail(*describe_failure(exc))
