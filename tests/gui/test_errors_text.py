"""The one error -> sentence mapping: every status and failure gets an actionable sentence."""

from __future__ import annotations

import pytest

from desktop_app.core import errors
from desktop_app.core.events import Outcome, StreamResult
from desktop_app.gui.error_text import ErrorAction, describe_error, describe_outcome, is_expected


@pytest.mark.parametrize(
    ("status", "body", "action", "retryable", "phrase"),
    [
        (401, '"Unauthorized"', ErrorAction.EDIT_KEYS, False, "key was rejected"),
        (403, '"Forbidden"', ErrorAction.EDIT_KEYS, False, "key was rejected"),
        (402, '"No active subscription found"', ErrorAction.CHECK_BALANCE, False, "subscription"),
        (402, '"No credits remaining"', ErrorAction.CHECK_BALANCE, False, "no credits"),
        (404, '"Agent not found"', ErrorAction.EDIT_PROFILE, False, "agent was not found"),
        (500, '"Internal server error"', ErrorAction.RETRY, True, "service failed"),
        (400, '"bad"', ErrorAction.RETRY, True, "refused"),
    ],
)
def test_status_errors(status, body, action, retryable, phrase) -> None:
    text = describe_error(errors.status_error(status, body))
    assert text.action is action
    assert text.retryable is retryable
    assert phrase in text.sentence
    assert "Traceback" not in text.sentence


def test_rate_limit_counts_down_from_retry_after() -> None:
    text = describe_error(errors.status_error(429, "", retry_after="3"))
    assert text.retry_after == 3
    assert "3 seconds" in text.sentence
    assert text.retryable
    default = describe_error(errors.status_error(429, ""))
    assert default.retry_after and default.retry_after > 0


def test_network_and_timeouts_are_retryable() -> None:
    for error in (
        errors.APIConnectionError("Could not connect to example.com"),
        errors.ConnectTimeoutError("slow"),
        errors.IdleTimeoutError("idle", seconds=30),
    ):
        text = describe_error(error)
        assert text.retryable and text.action is ErrorAction.RETRY
    assert "30 seconds" in describe_error(errors.IdleTimeoutError("idle", seconds=30)).sentence


def test_outcomes() -> None:
    assert describe_outcome(StreamResult(outcome=Outcome.COMPLETED)) is None
    error = describe_outcome(StreamResult(outcome=Outcome.ERROR, error_text="model down"))
    assert error is not None and "model down" in error.sentence
    aborted = describe_outcome(StreamResult(outcome=Outcome.ABORTED))
    assert aborted is not None and "stopped the reply" in aborted.sentence
    dropped = describe_outcome(
        StreamResult(outcome=Outcome.INCOMPLETE, error=errors.APIConnectionError("reset"))
    )
    assert dropped is not None and "connection dropped" in dropped.sentence
    cut = describe_outcome(StreamResult(outcome=Outcome.INCOMPLETE))
    assert cut is not None and "cut off" in cut.sentence


def test_secrets_never_reach_the_sentence() -> None:
    errors.register_secret("sk_topsecret_value")
    text = describe_error(RuntimeError("failed with sk_topsecret_value"))
    assert "sk_topsecret_value" not in text.sentence
    assert not is_expected(RuntimeError("x"))
    assert is_expected(errors.ServerError("x", status_code=500))
