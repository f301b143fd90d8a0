"""The one error -> sentence mapping: every status and failure gets an actionable sentence."""

from __future__ import annotations

import pytest

from desktop_app.core import errors
from desktop_app.core.error_text import ErrorAction, describe_error, describe_outcome, is_expected
from desktop_app.core.events import Outcome, StreamResult


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


def test_rate_limit_says_when_to_try_again_and_offers_retry() -> None:
    text = describe_error(errors.status_error(429, "", retry_after="3"))
    assert text.retry_after == 3
    assert "try again in 3 seconds" in text.sentence
    assert text.retryable and text.action is ErrorAction.RETRY
    assert not text.countdown  # the window does not retry by itself after the last try
    default = describe_error(errors.status_error(429, ""))
    assert "try again in a minute" in default.sentence
    hour = describe_error(errors.status_error(429, "", retry_after="3600"))
    assert "try again in 60 minutes" in hour.sentence


def test_a_retry_wait_counts_down_in_its_sentence() -> None:
    from desktop_app.core.error_text import retry_wait_text
    from desktop_app.core.models import RetryWait

    notice = retry_wait_text(RetryWait(attempt=2, attempts=4, delay=3.2, reason="rate-limited"))
    assert notice.sentence_at(4) == (
        "Too many requests: trying again in 4 seconds (try 2 of 4). Press Esc to stop."
    )
    assert notice.sentence_at(1).startswith("Too many requests: trying again in 1 second ")
    assert notice.sentence_at(0) == "Too many requests: trying again now (try 2 of 4)…"
    assert not notice.retryable  # the reply's own task retries; Stop ends it


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
