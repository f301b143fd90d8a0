"""The core's catalogue hook: English by default, an installed translator for our templates only."""

from __future__ import annotations

import errno
from collections.abc import Iterator

import pytest

from desktop_app.core import errors, messages, validation
from desktop_app.core.error_text import (
    describe_error,
    describe_outcome,
    retry_wait_text,
    seconds_text,
)
from desktop_app.core.events import Outcome, StreamResult
from desktop_app.core.models import RetryWait
from desktop_app.core.storage.errors import DatabaseLockedError


class Recorder:
    """A translator that wraps each template in «» and remembers what it was asked."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str, int]] = []

    def __call__(self, context: str, text: str, n: int = -1) -> str:
        self.asked.append((context, text, n))
        return f"«{messages.english(context, text, n)}»"


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    recording = Recorder()
    messages.install(recording)
    yield recording
    messages.install(None)


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (0.2, "1 second"),
        (1, "1 second"),
        (1.5, "2 seconds"),
        (12, "12 seconds"),
        (119, "119 seconds"),
        (120, "2 minutes"),
        (200, "3 minutes"),
    ],
)
def test_plurals_resolve_in_english_by_default(seconds: float, expected: str) -> None:
    assert seconds_text(seconds) == expected


def test_the_english_default_resolves_any_plural_template() -> None:
    assert messages.english("X", "%n file(s) saved", 1) == "1 file saved"
    assert messages.english("X", "%n file(s) saved", 0) == "0 files saved"
    # Without a number the template is returned as it is, "(s)" and all.
    assert messages.english("X", "Keep (s) and %n") == "Keep (s) and %n"


def test_the_default_sentences_are_the_english_ones() -> None:
    wait = retry_wait_text(RetryWait(attempt=2, attempts=3, delay=20, reason="rate-limited"))
    assert wait.sentence == "Too many requests: trying again now (try 2 of 3)…"
    assert wait.sentence_at(20) == (
        "Too many requests: trying again in 20 seconds (try 2 of 3). Press Esc to stop."
    )


def test_an_installed_translator_builds_each_sentence(recorder: Recorder) -> None:
    wait = retry_wait_text(RetryWait(attempt=1, attempts=3, delay=2, reason="connection-failed"))
    assert wait.sentence_at(12) == (
        "«Could not connect: trying again in «12 seconds» (try 1 of 3). Press Esc to stop.»"
    )
    assert ("Duration", "%n second(s)", 12) in recorder.asked
    rejected = describe_error(errors.status_error(401, "bad key"))
    assert rejected.sentence.startswith("«The key was rejected (HTTP 401): check the public")
    with pytest.raises(errors.InvalidInputError) as caught:
        validation.validate_agent_id("not-a-uuid")
    assert caught.value.message.startswith("«The agent ID 'not-a-uuid' is not a UUID.")


def test_server_text_and_file_names_never_reach_the_translator(recorder: Recorder) -> None:
    said = "SERVER-WORDS"
    sentences = [
        describe_error(errors.status_error(400, f'{{"error": "{said}"}}')).sentence,
        describe_error(errors.status_error(418, said)).sentence,
        errors.status_error(500, said).message,
        describe_error(OSError(errno.ENOSPC, "No space left", f"/tmp/{said}.json")).sentence,
        describe_error(OSError(errno.EIO, said)).sentence,
        describe_error(DatabaseLockedError(said)).sentence,
        describe_error(RuntimeError(said)).sentence,
    ]
    for outcome in (
        StreamResult(outcome=Outcome.ERROR, error_text=said),
        StreamResult(outcome=Outcome.ABORTED, abort_reason=said),
        StreamResult(
            outcome=Outcome.INCOMPLETE, error=errors.StreamProtocolError(f"Bad part {said}")
        ),
    ):
        problem = describe_outcome(outcome)
        assert problem is not None
        sentences.append(problem.sentence)
    with pytest.raises(errors.InvalidInputError) as caught:
        validation.validate_base_url(f"ftp://{said}")
    sentences.append(caught.value.message)
    assert [sentence for sentence in sentences if said not in sentence] == []
    # Each sentence was built from templates of ours; the data went in after translating.
    assert recorder.asked
    assert not [asked for asked in recorder.asked if said in asked[1]]
    assert "«The server refused the request (HTTP 400): SERVER-WORDS.»" in sentences
    assert "«The agent reported an error: SERVER-WORDS.»" in sentences


def test_back_to_english_once_the_translator_is_removed() -> None:
    messages.install(Recorder())
    messages.install(None)
    assert describe_error(errors.status_error(500, "")).sentence == (
        "The AgentsGT service failed (HTTP 500). Try again in a moment."
    )
