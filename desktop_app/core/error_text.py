"""The ONE table from an error or a failed reply to its sentence, retry, action and exit code."""

from __future__ import annotations

import errno
import math
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from typing import Any

from desktop_app.core import errors
from desktop_app.core.events import Outcome, StreamResult
from desktop_app.core.messages import Context, translate
from desktop_app.core.models import RetryWait
from desktop_app.core.paths import AppFolderError
from desktop_app.core.storage import errors as storage_errors
from desktop_app.core.terminal_text import strip_controls


class ExitCode(IntEnum):
    """The command line's exit codes (documented in the README and in `--help`)."""

    OK = 0
    INTERNAL = 1  # a bug: an error nobody expected (reported as one sentence)
    USAGE = 2  # bad usage or invalid input
    AUTH = 3  # the key was rejected (401/403)
    PAYMENT = 4  # 402: no subscription or no credits
    NOT_FOUND = 5  # 404
    RATE_LIMITED = 6  # 429
    SERVER = 7  # 5xx, or an answer that is not the AgentsGT API's
    NETWORK = 8  # no connection, or a timeout before the reply began
    STREAM = 9  # the reply ended in an error part, an abort, or incomplete
    STORAGE = 10  # the local history or a file could not be read or written
    INTERRUPTED = 130  # Ctrl+C


class ErrorAction(StrEnum):
    """The button offered next to the sentence."""

    NONE = "none"
    RETRY = "retry"
    EDIT_KEYS = "edit-keys"
    CHECK_BALANCE = "check-balance"
    EDIT_PROFILE = "edit-profile"
    OPEN_SETTINGS = "open-settings"


@dataclass(frozen=True, slots=True)
class ErrorText:
    """What went wrong in one sentence, whether trying again can help, and the action to offer.

    `retry_after`: seconds the server asked to wait (a rate limit). With a `countdown` (a
    sentence with a `{wait}` field), the window counts those seconds down in the sentence and
    shows `sentence` once they are over; nothing is retried by that.
    `exit_code` and `cli_hint` are the command line's: its exit status and what it adds to the
    sentence (never a repeat of it). Whoever built it, the sentence is redacted and holds no
    terminal control sequence.
    """

    sentence: str
    retryable: bool
    action: ErrorAction = ErrorAction.NONE
    retry_after: float | None = None
    countdown: str = ""
    exit_code: ExitCode = ExitCode.USAGE
    cli_hint: str = ""

    def __post_init__(self) -> None:
        # Server text reaches sentences: no key and no terminal escape ever goes out with it.
        object.__setattr__(self, "sentence", strip_controls(errors.redact(self.sentence)))

    def sentence_at(self, remaining: float) -> str:
        """The sentence with `remaining` seconds left to wait (`sentence` with no countdown)."""
        if not self.countdown or remaining <= 0:
            return self.sentence
        return strip_controls(self.countdown.format(wait=seconds_text(remaining)))

    @property
    def cli_line(self) -> str:
        """What the command line prints: the sentence, then its hint."""
        return f"{self.sentence} {self.cli_hint}" if self.cli_hint else self.sentence


class Duration(Context):
    """The catalogue context of a number of seconds or minutes (plurals)."""


def seconds_text(value: float) -> str:
    """`1 second`, `12 seconds` (at least one), `3 minutes` from 120 seconds up."""
    whole = max(1, math.ceil(value))
    if whole >= 120:
        return Duration.tr("%n minute(s)", "", round(whole / 60))
    return Duration.tr("%n second(s)", "", whole)


def retry_wait_text(wait: RetryWait) -> ErrorText:
    """The notice shown while a request waits to be sent again (Stop ends the wait)."""
    if wait.reason == "rate-limited":
        now = translate(
            "ErrorText", "Too many requests: trying again now (try {attempt} of {attempts})…"
        )
        later = translate(
            "ErrorText",
            "Too many requests: trying again in {wait} (try {attempt} of {attempts}). "
            "Press Esc to stop.",
        )
    else:
        now = translate(
            "ErrorText", "Could not connect: trying again now (try {attempt} of {attempts})…"
        )
        later = translate(
            "ErrorText",
            "Could not connect: trying again in {wait} (try {attempt} of {attempts}). "
            "Press Esc to stop.",
        )
    tries = {"attempt": wait.attempt, "attempts": wait.attempts}
    return ErrorText(
        now.format(**tries),
        False,
        retry_after=wait.delay,
        # {wait} stays a field: the banner fills it in as it counts down.
        countdown=later.format(wait="{wait}", **tries),
    )


def _status(error: errors.APIStatusError) -> str:
    return f"HTTP {error.status_code}"


def _with_server_words(error: errors.APIStatusError, said: str, plain: str) -> str:
    """`said` with the server's own words as its {detail} when it gave some, else `plain`.

    Only for statuses whose sentence cannot say what was wrong: the server's words add that.
    """
    if error.server_message:
        return said.format(status=_status(error), detail=error.server_message.rstrip("."))
    return plain.format(status=_status(error))


def _refused(error: errors.APIStatusError) -> str:
    return _with_server_words(
        error,
        translate("ErrorText", "The server refused the request ({status}): {detail}."),
        translate("ErrorText", "The server refused the request ({status})."),
    )


def _unexpected(error: errors.APIStatusError) -> str:
    return _with_server_words(
        error,
        translate("ErrorText", "The server gave an unexpected answer ({status}): {detail}."),
        translate("ErrorText", "The server gave an unexpected answer ({status})."),
    )


def _payment(error: errors.PaymentRequiredError) -> str:
    if error.reason is errors.PaymentReason.NO_SUBSCRIPTION:
        template = translate(
            "ErrorText", "Your organization has no active AgentsGT subscription ({status})."
        )
    elif error.reason is errors.PaymentReason.NO_CREDITS:
        template = translate("ErrorText", "Your organization has no credits left ({status}).")
    else:
        template = translate(
            "ErrorText", "AgentsGT needs a subscription or credits to answer ({status})."
        )
    return template.format(status=_status(error))


def _rate_limit(error: errors.RateLimitError) -> str:
    if error.retry_after:
        return translate(
            "ErrorText",
            "The API rate limit was hit ({status}): too many requests from this key; "
            "try again in {wait}.",
        ).format(status=_status(error), wait=seconds_text(error.retry_after))
    return translate(
        "ErrorText",
        "The API rate limit was hit ({status}): too many requests from this key; "
        "try again in a minute.",
    ).format(status=_status(error))


_DISK_FULL = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
_NOT_ALLOWED = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})


def _os_error(error: OSError) -> str:
    # The file's name and the system's reason are data: fields, never translated.
    named = bool(error.filename)
    if error.errno in _DISK_FULL:
        template = (
            translate(
                "ErrorText",
                "Could not write {file}: the disk is full. Free some space and try again.",
            )
            if named
            else translate(
                "ErrorText", "Could not write: the disk is full. Free some space and try again."
            )
        )
    elif error.errno in _NOT_ALLOWED:
        template = (
            translate(
                "ErrorText",
                "Could not write {file}: the file or its folder is read-only or not accessible. "
                "Check their permissions.",
            )
            if named
            else translate(
                "ErrorText",
                "Could not write: the file or its folder is read-only or not accessible. "
                "Check their permissions.",
            )
        )
    else:
        template = (
            translate("ErrorText", "Could not use {file}: {reason}.")
            if named
            else translate("ErrorText", "Could not use: {reason}.")
        )
    reason = (error.strerror or str(error) or type(error).__name__).rstrip(".")
    return template.format(file=error.filename, reason=reason)


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the table: the errors of `kind` and how each front end reports them."""

    kind: type[BaseException]
    sentence: Callable[[Any], str]
    exit_code: ExitCode
    retryable: bool = False
    action: ErrorAction = ErrorAction.NONE
    cli_hint: str = ""


_KEYS_HINT = (
    "Keys come from the profile's keyring entry or from AGENTSGT_PUBLIC_KEY and "
    "AGENTSGT_SECRET_KEY."
)


def _message(error: errors.AgentsGTError) -> str:
    # These errors' messages are already sentences written for a person, advice included.
    return error.message


#: Most specific first: the first row whose `kind` matches an error describes it.
TABLE: tuple[Row, ...] = (
    Row(storage_errors.SchemaTooNewError, _message, ExitCode.STORAGE),
    Row(storage_errors.RecordNotFoundError, _message, ExitCode.USAGE),
    Row(storage_errors.StorageError, _message, ExitCode.STORAGE),
    Row(AppFolderError, _message, ExitCode.STORAGE),
    Row(errors.MissingKeyError, _message, ExitCode.USAGE, action=ErrorAction.EDIT_KEYS),
    Row(errors.InvalidInputError, _message, ExitCode.USAGE, action=ErrorAction.EDIT_PROFILE),
    Row(
        errors.AuthenticationError,
        lambda e: translate(
            "ErrorText",
            "The key was rejected ({status}): check the public and secret key and "
            "that the key is enabled in the AgentsGT dashboard.",
        ).format(status=_status(e)),
        ExitCode.AUTH,
        action=ErrorAction.EDIT_KEYS,
        cli_hint=_KEYS_HINT,
    ),
    Row(
        errors.PermissionDeniedError,
        lambda e: translate(
            "ErrorText",
            "The key was rejected: it is not allowed to use this agent ({status}). "
            "Check its plan level and allowed domains.",
        ).format(status=_status(e)),
        ExitCode.AUTH,
        action=ErrorAction.EDIT_KEYS,
        cli_hint=_KEYS_HINT,
    ),
    Row(
        errors.PaymentRequiredError,
        _payment,
        ExitCode.PAYMENT,
        action=ErrorAction.CHECK_BALANCE,
        cli_hint="`agentsgt-desktop balance` shows the subscription and credits.",
    ),
    Row(
        errors.NotFoundError,
        lambda e: translate(
            "ErrorText",
            "The agent was not found ({status}): check the agent id and that it "
            "belongs to the key's organization.",
        ).format(status=_status(e)),
        ExitCode.NOT_FOUND,
        action=ErrorAction.EDIT_PROFILE,
    ),
    Row(
        errors.RateLimitError,
        _rate_limit,
        ExitCode.RATE_LIMITED,
        retryable=True,
        action=ErrorAction.RETRY,
    ),
    Row(
        errors.ServerError,
        lambda e: translate(
            "ErrorText", "The AgentsGT service failed ({status}). Try again in a moment."
        ).format(status=_status(e)),
        ExitCode.SERVER,
        retryable=True,
        action=ErrorAction.RETRY,
    ),
    Row(
        errors.BadRequestError,
        _refused,
        ExitCode.SERVER,
        retryable=True,
        action=ErrorAction.RETRY,
    ),
    Row(
        errors.APIStatusError,
        _unexpected,
        ExitCode.SERVER,
        retryable=True,
        action=ErrorAction.RETRY,
    ),
    Row(
        errors.HeaderTimeoutError,
        _message,
        ExitCode.NETWORK,
        retryable=True,
        action=ErrorAction.RETRY,
    ),
    Row(
        errors.IdleTimeoutError,
        lambda e: translate(
            "ErrorText", "The agent sent nothing for {wait}, so the wait was ended."
        ).format(wait=seconds_text(e.seconds)),
        ExitCode.NETWORK,
        retryable=True,
        action=ErrorAction.RETRY,
    ),
    Row(
        errors.APIConnectionError,
        _message,
        ExitCode.NETWORK,
        retryable=True,
        action=ErrorAction.RETRY,
    ),
    Row(
        errors.StreamProtocolError,
        _message,
        ExitCode.SERVER,
        retryable=True,
        action=ErrorAction.RETRY,
    ),
    Row(errors.AgentsGTError, _message, ExitCode.USAGE),
    Row(OSError, _os_error, ExitCode.STORAGE),
)


def row_for(error: BaseException) -> Row | None:
    """The table's row for `error` (None for an error nobody expected)."""
    return next((row for row in TABLE if isinstance(error, row.kind)), None)


def storage_reason(error: storage_errors.StorageError) -> str:
    """Why history cannot be saved, as the middle of a sentence."""
    if isinstance(error, storage_errors.DatabaseReadOnlyError):
        return translate("ErrorText", "the history file or its folder is read-only")
    if isinstance(error, storage_errors.DatabaseLockedError):
        return translate("ErrorText", "another program is keeping the history file locked")
    if isinstance(error, storage_errors.DatabaseFullError):
        return translate("ErrorText", "the disk is full")
    if isinstance(error, storage_errors.DatabaseCorruptError):
        return translate("ErrorText", "the history file is damaged")
    return translate("ErrorText", "the disk reported an error")


def history_not_saved(error: storage_errors.StorageError) -> ErrorText:
    """The window's banner while history cannot be written (at start, or during a chat)."""
    return ErrorText(
        translate(
            "ErrorText",
            "History can't be saved: {reason}. Conversations in this window will be "
            "lost when you quit; export them to keep them.",
        ).format(reason=storage_reason(error)),
        False,
        exit_code=ExitCode.STORAGE,
    )


def describe_error(error: BaseException) -> ErrorText:
    """Map any error to (sentence, retryable, action, exit code). Never shows a traceback."""
    row = row_for(error)
    if row is None:
        # Not an error we expect: the window lets it reach the crash dialog instead of showing
        # this, the command line prints it and exits 1.
        return ErrorText(
            translate("ErrorText", "Unexpected problem: {error}").format(error=error),
            False,
            exit_code=ExitCode.INTERNAL,
        )
    retry_after = error.retry_after if isinstance(error, errors.RateLimitError) else None
    return ErrorText(
        row.sentence(error),
        row.retryable,
        row.action,
        retry_after=retry_after,
        exit_code=row.exit_code,
        cli_hint=row.cli_hint,
    )


def _incomplete(sentence: str) -> ErrorText:
    return ErrorText(sentence, True, ErrorAction.RETRY, exit_code=ExitCode.STREAM)


def describe_outcome(result: StreamResult) -> ErrorText | None:
    """The sentence for a reply that did not complete (None when it completed); exit code 9."""
    if result.outcome is Outcome.COMPLETED:
        return None
    if result.outcome is Outcome.ERROR:
        # The agent's own words are data: a field of the sentence, never translated.
        sentence = (
            translate("ErrorText", "The agent reported an error: {detail}.").format(
                detail=result.error_text.rstrip(".")
            )
            if result.error_text
            else translate("ErrorText", "The agent reported an error: no details were given.")
        )
        return ErrorText(
            sentence,
            True,
            ErrorAction.RETRY,
            exit_code=ExitCode.STREAM,
        )
    if result.outcome is Outcome.ABORTED:
        sentence = (
            translate("ErrorText", "The agent stopped the reply: {reason}.").format(
                reason=result.abort_reason.rstrip(".")
            )
            if result.abort_reason
            else translate("ErrorText", "The agent stopped the reply.")
        )
        return ErrorText(
            sentence,
            True,
            ErrorAction.RETRY,
            exit_code=ExitCode.STREAM,
        )
    error = result.error
    if isinstance(error, errors.IdleTimeoutError | errors.StreamProtocolError):
        # Their messages name the host and what was seen (nothing, keep-alives, an endless line).
        cause = f"{error.message[:1].lower()}{error.message[1:]}"
        return _incomplete(
            translate("ErrorText", "The reply is incomplete: {cause}").format(cause=cause)
        )
    if isinstance(error, errors.APIConnectionError):
        return _incomplete(
            translate(
                "ErrorText", "The reply is incomplete: the connection dropped before it finished."
            )
        )
    return ErrorText(
        translate("ErrorText", "The reply was cut off: it ended before it was complete."),
        True,
        ErrorAction.RETRY,
        exit_code=ExitCode.STREAM,
    )


def is_expected(error: BaseException) -> bool:
    """True for errors shown as a sentence; anything else goes to the crash dialog."""
    return isinstance(error, errors.AgentsGTError)
