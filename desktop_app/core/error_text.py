"""The ONE mapping from an error or a failed reply to the sentence a person reads and what to do."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from desktop_app.core import errors
from desktop_app.core.events import Outcome, StreamResult
from desktop_app.core.models import RetryWait
from desktop_app.core.storage import errors as storage_errors


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
    shows `sentence` once they are over.
    """

    sentence: str
    retryable: bool
    action: ErrorAction = ErrorAction.NONE
    retry_after: float | None = None
    countdown: str = ""

    @property
    def action_label(self) -> str:
        """The label of the action button ("" when there is none)."""
        return _ACTION_LABELS[self.action]

    def sentence_at(self, remaining: float) -> str:
        """The sentence with `remaining` seconds left to wait (`sentence` with no countdown)."""
        if not self.countdown or remaining <= 0:
            return self.sentence
        return self.countdown.format(wait=seconds_text(remaining))


_ACTION_LABELS = {
    ErrorAction.NONE: "",
    ErrorAction.RETRY: "Retry",
    ErrorAction.EDIT_KEYS: "Edit keys",
    ErrorAction.CHECK_BALANCE: "Check balance",
    ErrorAction.EDIT_PROFILE: "Edit profile",
    ErrorAction.OPEN_SETTINGS: "Settings",
}


def seconds_text(value: float) -> str:
    """`1 second`, `12 seconds` (at least one), `3 minutes` from 120 seconds up."""
    whole = max(1, math.ceil(value))
    if whole >= 120:
        return f"{round(whole / 60)} minutes"
    return f"{whole} second" if whole == 1 else f"{whole} seconds"


def retry_wait_text(wait: RetryWait) -> ErrorText:
    """The notice shown while a request waits to be sent again (Stop ends the wait)."""
    why = "Too many requests" if wait.reason == "rate-limited" else "Could not connect"
    return ErrorText(
        f"{why}: trying again now (try {wait.attempt} of {wait.attempts})…",
        False,
        retry_after=wait.delay,
        countdown=f"{why}: trying again in {{wait}} (try {wait.attempt} of {wait.attempts}). "
        "Press Esc to stop.",
    )


def storage_reason(error: storage_errors.StorageError) -> str:
    """Why history cannot be saved, as the middle of a sentence."""
    if isinstance(error, storage_errors.DatabaseReadOnlyError):
        return "the history file or its folder is read-only"
    if isinstance(error, storage_errors.DatabaseLockedError):
        return "another program is keeping the history file locked"
    if isinstance(error, storage_errors.DatabaseFullError):
        return "the disk is full"
    if isinstance(error, storage_errors.DatabaseCorruptError):
        return "the history file is damaged"
    return "the disk reported an error"


def history_not_saved(error: storage_errors.StorageError) -> ErrorText:
    """The banner shown while history cannot be written (at start, or during a chat)."""
    return ErrorText(
        f"History can't be saved: {storage_reason(error)}. Conversations in this window will be "
        "lost when you quit; export them to keep them.",
        False,
    )


def describe_error(error: BaseException) -> ErrorText:
    """Map any error the app expects to (sentence, retryable, action). Never shows a traceback."""
    if isinstance(
        error,
        storage_errors.DatabaseReadOnlyError
        | storage_errors.DatabaseLockedError
        | storage_errors.DatabaseFullError,
    ):
        return history_not_saved(error)
    if isinstance(error, errors.AuthenticationError):
        return ErrorText(
            "The key was rejected: edit the profile's keys.", False, ErrorAction.EDIT_KEYS
        )
    if isinstance(error, errors.PermissionDeniedError):
        return ErrorText(
            "The key was rejected: it may not use this agent (plan level or allowed domains). "
            "Edit the profile's keys.",
            False,
            ErrorAction.EDIT_KEYS,
        )
    if isinstance(error, errors.PaymentRequiredError):
        sentence = {
            errors.PaymentReason.NO_SUBSCRIPTION: (
                "Your organization has no active AgentsGT subscription."
            ),
            errors.PaymentReason.NO_CREDITS: "Your organization has no credits left.",
            errors.PaymentReason.UNKNOWN: "AgentsGT needs a subscription or credits to answer.",
        }[error.reason]
        return ErrorText(sentence, False, ErrorAction.CHECK_BALANCE)
    if isinstance(error, errors.NotFoundError):
        return ErrorText(
            "This agent was not found: check the agent in the profile.",
            False,
            ErrorAction.EDIT_PROFILE,
        )
    if isinstance(error, errors.RateLimitError):
        wait = error.retry_after
        later = f"in {seconds_text(wait)}" if wait else "in a minute"
        return ErrorText(
            f"AgentsGT is getting too many requests from this key: try again {later}.",
            True,
            ErrorAction.RETRY,
            retry_after=wait,
        )
    if isinstance(error, errors.ServerError):
        return ErrorText(
            f"The AgentsGT service failed (HTTP {error.status_code}). Try again in a moment.",
            True,
            ErrorAction.RETRY,
        )
    if isinstance(error, errors.APIStatusError):
        detail = f": {error.server_message}" if error.server_message else "."
        return ErrorText(
            f"The server refused the request (HTTP {error.status_code}){detail}",
            True,
            ErrorAction.RETRY,
        )
    if isinstance(error, errors.IdleTimeoutError):
        return ErrorText(
            f"The agent sent nothing for {seconds_text(error.seconds)}: the reply was cut off.",
            True,
            ErrorAction.RETRY,
        )
    if isinstance(error, errors.ConnectTimeoutError):
        return ErrorText(
            "Could not connect to AgentsGT in time: check your network or proxy settings.",
            True,
            ErrorAction.RETRY,
        )
    if isinstance(error, errors.APIConnectionError):
        return ErrorText(
            f"Could not reach AgentsGT: {error.message.rstrip('.')}. Check your connection.",
            True,
            ErrorAction.RETRY,
        )
    if isinstance(error, errors.StreamProtocolError):
        return ErrorText(
            f"The reply could not be read: {error.message.rstrip('.')}.", True, ErrorAction.RETRY
        )
    if isinstance(error, errors.MissingKeyError):
        return ErrorText(error.message, False, ErrorAction.EDIT_KEYS)
    if isinstance(error, errors.InvalidInputError):
        return ErrorText(error.message, False, ErrorAction.EDIT_PROFILE)
    if isinstance(error, errors.AgentsGTError):
        return ErrorText(error.message, False)
    # Not an error we expect: the caller lets it reach the crash dialog instead of showing this.
    return ErrorText(errors.redact(f"Unexpected problem: {error}"), False)


def describe_outcome(result: StreamResult) -> ErrorText | None:
    """The sentence for a reply that did not complete (None when it completed)."""
    if result.outcome is Outcome.COMPLETED:
        return None
    if result.outcome is Outcome.ERROR:
        detail = result.error_text or "no details were given"
        return ErrorText(f"The agent reported an error: {detail}", True, ErrorAction.RETRY)
    if result.outcome is Outcome.ABORTED:
        reason = f": {result.abort_reason}" if result.abort_reason else "."
        return ErrorText(f"The agent stopped the reply{reason}", True, ErrorAction.RETRY)
    if isinstance(result.error, errors.IdleTimeoutError | errors.StreamProtocolError):
        return describe_error(result.error)
    if isinstance(result.error, errors.APIConnectionError):
        return ErrorText(
            "The connection dropped before the reply finished.", True, ErrorAction.RETRY
        )
    return ErrorText("The reply was cut off before it finished.", True, ErrorAction.RETRY)


def is_expected(error: BaseException) -> bool:
    """True for errors shown as a sentence; anything else goes to the crash dialog."""
    return isinstance(error, errors.AgentsGTError)
