"""The one error table: every error gets one actionable sentence, the same in window and CLI."""

from __future__ import annotations

import contextlib
import errno
import importlib
import pkgutil
import re
import sqlite3
from pathlib import Path

import pytest

from desktop_app.commands.common import describe_failure, run_guarded
from desktop_app.commands.common import describe_outcome as describe_cli_outcome
from desktop_app.core import errors
from desktop_app.core.error_text import (
    ErrorAction,
    ErrorText,
    ExitCode,
    describe_error,
    describe_outcome,
    is_expected,
)
from desktop_app.core.events import Outcome, StreamResult
from desktop_app.core.export.schema import ConversationImportError
from desktop_app.core.paths import AppFolderError
from desktop_app.core.secrets import SecretStoreError
from desktop_app.core.storage import errors as storage_errors

DOCUMENTED_EXIT_CODES = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 130}


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


# --- the one table, both front ends -----------------------------------------------------------

SECRET = "sk_table_secret_123456"
HOSTILE = f"key {SECRET} and \x1b]52;c;cHduZWQ=\x07 end"


def _every_error() -> list[BaseException]:
    """One instance of every error class the app raises, with hostile server text in it."""
    errors.register_secret(SECRET)
    statuses = [
        errors.status_error(code, f'{{"error": "{HOSTILE}"}}', retry_after="2")
        for code in (400, 401, 402, 403, 404, 418, 429, 500, 503)
    ]
    statuses.append(errors.APIStatusError(f"Redirected: {HOSTILE}", status_code=302))
    statuses += [
        errors.status_error(402, '"No active subscription found"'),
        errors.status_error(402, '"No credits remaining"'),
    ]
    return [
        *statuses,
        errors.InvalidInputError(f"The agent id '{HOSTILE}' is not a UUID."),
        errors.MissingKeyError("No key is saved for the profile 'Support'."),
        errors.APIConnectionError(
            "Could not connect to example.com (refused). "
            "Check the API base URL and your network connection."
        ),
        errors.APITimeoutError("The request to example.com timed out. Try again later."),
        errors.ConnectTimeoutError(
            "Could not connect to example.com within 10 s. "
            "Check your network connection, proxy and the API base URL."
        ),
        errors.IdleTimeoutError("example.com sent nothing for 30 s.", seconds=30),
        errors.HeaderTimeoutError(
            "example.com did not send the status line and headers of its answer within 60 s "
            "of the request, so the wait was ended. Try again later.",
            seconds=60,
        ),
        errors.DeadlineError(
            "example.com did not send its whole answer within 120 s.", seconds=120
        ),
        errors.ResponseTooLargeError(
            f"The reply from example.com is larger than the 64 MB limit for one reply: {HOSTILE}",
            limit=64 * 1024 * 1024,
        ),
        errors.NotTheAPIError(
            "example.com answered with a web page (text/html): this URL does not look like the "
            "AgentsGT API. Check the API base URL.",
            content_type="text/html",
        ),
        errors.StreamProtocolError(f"The reply stream sent a part that is not text: {HOSTILE}"),
        errors.ResponseFormatError(
            "The server's answer when trying to list agents is not JSON (HTTP 200). "
            "Check the API base URL."
        ),
        SecretStoreError(f"The keyring refused: {HOSTILE}"),
        ConversationImportError(f"Conversation 1: 'title' must be a string ({HOSTILE})."),
        storage_errors.SchemaTooNewError(99),
        storage_errors.RecordNotFoundError("There is no conversation 'abc'."),
        storage_errors.translate(sqlite3.OperationalError("database is locked"), "/h.sqlite3"),
        storage_errors.translate(
            sqlite3.OperationalError("attempt to write a readonly database"), "/h.sqlite3"
        ),
        storage_errors.translate(
            sqlite3.DatabaseError("database disk image is malformed"), "/h.sqlite3"
        ),
        storage_errors.translate(
            sqlite3.OperationalError("database or disk is full"), "/h.sqlite3"
        ),
        storage_errors.translate(sqlite3.OperationalError("disk I/O error"), "/h.sqlite3"),
        storage_errors.StorageError("The history database is closed."),
        AppFolderError("Cannot create the folder /x/data: Permission denied."),
        OSError(errno.ENOSPC, "No space left on device", "/out/chats.md"),
        OSError(errno.EACCES, "Permission denied", "/out/chats.md"),
        OSError(errno.EIO, "Input/output error", "/out/chats.md"),
    ]


def _classes(root: type) -> set[type]:
    found = set(root.__subclasses__())
    for sub in list(found):
        found |= _classes(sub)
    return found


def _app_error_classes() -> set[type]:
    """Every AgentsGTError subclass defined anywhere in desktop_app.core."""
    import desktop_app.core

    for module in pkgutil.walk_packages(desktop_app.core.__path__, "desktop_app.core."):
        importlib.import_module(module.name)
    return {c for c in _classes(errors.AgentsGTError) if c.__module__.startswith("desktop_app")}


def _samples() -> list[BaseException]:
    """The hand-made samples, plus any other error class built from a message alone."""
    samples = _every_error()
    sampled = {type(error) for error in samples}
    for cls in sorted(_app_error_classes() - sampled, key=lambda c: c.__qualname__):
        with contextlib.suppress(TypeError):  # needs more than a message: sample it by hand
            samples.append(cls(f"A new failure: {HOSTILE}"))
    return samples


def test_every_error_class_of_the_app_is_in_the_samples() -> None:
    missing = _app_error_classes() - {type(error) for error in _samples()}
    assert not missing, "add a sample of these error classes to _every_error()"


def _clauses_repeat(text: str) -> list[str]:
    """Word triples that occur twice ("The key was rejected (The key was rejected ...")."""
    words = re.findall(r"[a-z0-9']+", text.casefold())
    seen: set[tuple[str, ...]] = set()
    repeated = []
    for i in range(len(words) - 2):
        triple = tuple(words[i : i + 3])
        if triple in seen:
            repeated.append(" ".join(triple))
        seen.add(triple)
    return repeated


@pytest.mark.parametrize("error", _samples(), ids=lambda e: type(e).__name__)
def test_both_front_ends_say_the_same_sentence_once_redacted(error, capsys) -> None:
    window = describe_error(error)
    code = run_guarded(lambda: (_ for _ in ()).throw(error))
    cli_line = capsys.readouterr().err
    for shown in (window.sentence, cli_line):
        assert not _clauses_repeat(shown), shown
        assert SECRET not in shown
        assert "Traceback" not in shown
        assert "\x1b" not in shown and "\x07" not in shown and "cHduZWQ" not in shown
    assert cli_line == f"agentsgt-desktop: {' '.join(window.cli_line.split())}\n"
    assert cli_line.count("\n") == 1
    assert window.cli_line.startswith(window.sentence)
    assert code == window.exit_code and code in DOCUMENTED_EXIT_CODES
    assert code != ExitCode.INTERNAL


@pytest.mark.parametrize(
    "result",
    [
        StreamResult(outcome=Outcome.ERROR, error_text=f"model down. {HOSTILE}"),
        StreamResult(outcome=Outcome.ERROR),
        StreamResult(outcome=Outcome.ABORTED, abort_reason="user quota."),
        StreamResult(outcome=Outcome.ABORTED),
        StreamResult(outcome=Outcome.INCOMPLETE, error=errors.IdleTimeoutError("idle", seconds=1)),
        StreamResult(
            outcome=Outcome.INCOMPLETE,
            error=errors.StreamProtocolError("The reply stream sent a bad part."),
        ),
        StreamResult(outcome=Outcome.INCOMPLETE, error=errors.APIConnectionError("reset")),
        StreamResult(outcome=Outcome.INCOMPLETE),
    ],
    ids=lambda r: f"{r.outcome}-{type(r.error).__name__}",
)
def test_every_outcome_is_one_unrepeated_sentence_and_exit_9(result) -> None:
    errors.register_secret(SECRET)
    window = describe_outcome(result)
    failure = describe_cli_outcome(result)
    assert window is not None and failure is not None
    assert failure == (ExitCode.STREAM, window.cli_line)
    assert not _clauses_repeat(window.sentence), window.sentence
    assert SECRET not in window.sentence


def test_a_sentence_built_anywhere_is_stripped_and_redacted() -> None:
    errors.register_secret(SECRET)
    text = ErrorText(f"Keyring said \x1b]52;c;{SECRET}\x07no\x1b[2J.", False)
    assert text.sentence == "Keyring said no."


def test_the_old_doubled_wording_is_gone() -> None:
    _, rejected = describe_failure(errors.status_error(401, '"The key was rejected"'))
    assert rejected.count("rejected") == 1
    _, not_json = describe_failure(
        errors.ResponseFormatError("The answer is not JSON (HTTP 200). Check the API base URL.")
    )
    assert not_json.count("Check the API base URL") == 1


def test_exit_codes_are_the_documented_ones() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    documented = readme.split("## Command line", 1)[1].split("##", 1)[0]
    for code in ExitCode:
        if code is not ExitCode.OK:
            assert f"{int(code)} " in documented, code
    assert {int(code) for code in ExitCode} == DOCUMENTED_EXIT_CODES
