"""StreamingWriter: saves replies off the caller's thread, throttled, promptly on finish."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from desktop_app.core.events import Usage
from desktop_app.core.models import MessageStatus, Role
from desktop_app.core.profiles import new_profile
from desktop_app.core.storage import (
    DatabaseLockedError,
    SourceRecord,
    StorageError,
    StreamingWriter,
)

AGENT = "123e4567-e89b-12d3-a456-426614174000"


@pytest.fixture
def reply(db):
    profile = db.save_profile(new_profile("Support", AGENT))
    conv = db.create_conversation(profile.id)
    db.add_message(conv.id, Role.USER, "tell me a story")
    return db.add_message(conv.id, Role.ASSISTANT, "", status=MessageStatus.STREAMING)


def wait_until(predicate, timeout=5.0):
    """Poll `predicate` until true; returns the seconds it took (a timeout fails the test)."""
    start = time.monotonic()
    while not predicate():
        if time.monotonic() - start > timeout:
            raise AssertionError("condition not reached in time")
        time.sleep(0.01)
    return time.monotonic() - start


def test_first_change_is_written_at_once_later_ones_wait_for_the_interval(db, reply):
    with StreamingWriter(db.path, interval=60.0) as writer:
        writer.begin(reply.id)
        writer.update(reply.id, "Once upon")
        wait_until(lambda: db.get_message(reply.id).text == "Once upon")
        writer.update(reply.id, "Once upon a time")
        time.sleep(0.3)
        # Throttled: the next write is not due for a minute.
        assert db.get_message(reply.id).text == "Once upon"
        assert writer.batches_written == 1
        assert writer.flush(timeout=5)
        assert db.get_message(reply.id).text == "Once upon a time"


def test_finish_is_written_promptly_with_the_last_snapshot(db, reply):
    with StreamingWriter(db.path, interval=60.0) as writer:
        writer.begin(reply.id)
        writer.update(reply.id, "The end", reasoning="think", parts=[SourceRecord("s1", url="u")])
        wait_until(lambda: writer.batches_written == 1)
        writer.update(reply.id, "The end.", reasoning="thought")
        writer.finish(reply.id, MessageStatus.COMPLETE, usage=Usage(12, 34))
        assert reply.id not in writer.active_messages
        wait_until(lambda: db.get_message(reply.id).status is MessageStatus.COMPLETE)
        saved = db.get_message(reply.id)
        assert saved.text == "The end."
        assert saved.reasoning == "thought"
        assert saved.parts == (SourceRecord("s1", url="u"),)
        assert (saved.input_tokens, saved.output_tokens) == (12, 34)
        assert saved.finished_at is not None


def test_steady_stream_is_saved_within_the_interval_and_at_most_once_per_interval(db, reply):
    interval = 0.25
    with StreamingWriter(db.path, interval=interval) as writer:
        writer.begin(reply.id)
        text = ""
        lags = []
        for i in range(60):
            text += f"word{i} "
            writer.update(reply.id, text)
            if i % 20 == 19:
                expected = text
                lags.append(wait_until(lambda e=expected: db.get_message(reply.id).text == e))
            time.sleep(0.01)
        elapsed_batches = writer.batches_written
        writer.finish(reply.id, MessageStatus.COMPLETE)
        assert writer.flush(timeout=5)
    print(
        f"save lag after a change: max {max(lags) * 1000:.0f} ms, interval {interval * 1000:.0f} ms"
    )
    assert db.get_message(reply.id).text == text
    # Each save waits for the interval, so however the stream is timed there are few batches.
    total_time = 60 * 0.01 + sum(lags)
    assert elapsed_batches <= total_time / interval + 2


def test_update_never_waits_for_sqlite(db, reply):
    """With the file locked by another program, the writer thread is stuck, update() is not."""
    writer = StreamingWriter(db.path, interval=0.0, busy_timeout=30.0)
    writer.begin(reply.id)
    blocker = sqlite3.connect(db.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        writer.update(reply.id, "x")
        wait_until(lambda: writer._writing)  # the thread is now inside SQLite's busy wait
        started = time.perf_counter()
        for i in range(10_000):
            writer.update(reply.id, "x" * i)
        per_call = (time.perf_counter() - started) / 10_000
        assert writer._writing  # still blocked: none of those calls waited for it
        print(f"update() while the writer is blocked: {per_call * 1e6:.2f} µs per call")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert writer.flush(timeout=10)
    assert db.get_message(reply.id).text == "x" * 9_999
    writer.close()


def test_locked_database_keeps_data_pending_and_retries(db, reply):
    errors: list[StorageError] = []
    got_error = threading.Event()

    def on_error(error: StorageError) -> None:
        errors.append(error)
        got_error.set()

    writer = StreamingWriter(db.path, interval=0.1, busy_timeout=0.1, on_error=on_error)
    blocker = sqlite3.connect(db.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        writer.begin(reply.id)
        writer.update(reply.id, "kept while locked")
        writer.finish(reply.id, MessageStatus.STOPPED)
        assert got_error.wait(5)
        assert isinstance(writer.last_error, DatabaseLockedError)
        assert not writer.flush(timeout=0.2)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert writer.flush(timeout=5)
    assert writer.last_error is None
    saved = db.get_message(reply.id)
    assert (saved.text, saved.status) == ("kept while locked", MessageStatus.STOPPED)
    assert isinstance(errors[0], DatabaseLockedError)
    assert writer.close()


def test_close_writes_what_is_pending_then_refuses_updates(db, reply):
    writer = StreamingWriter(db.path, interval=60.0)
    writer.begin(reply.id)
    writer.update(reply.id, "a")
    wait_until(lambda: writer.batches_written == 1)
    writer.update(reply.id, "ab")
    assert writer.close()
    assert db.get_message(reply.id).text == "ab"
    with pytest.raises(StorageError):
        writer.update(reply.id, "abc")
    assert writer.close()  # idempotent


def test_several_replies_and_a_deleted_message(db, reply):
    other = db.add_message(
        reply.conversation_id, Role.ASSISTANT, "", status=MessageStatus.STREAMING
    )
    with StreamingWriter(db.path, interval=60.0) as writer:
        writer.begin(reply.id)
        writer.begin(other.id)
        writer.update(reply.id, "first")
        writer.update(other.id, "second")
        db.delete_messages_from(reply.conversation_id, other.position)
        writer.finish(other.id, MessageStatus.COMPLETE)
        writer.finish(reply.id, MessageStatus.ERROR, error_text="model failed")
        assert writer.flush(timeout=5)
        assert writer.last_error is None
    saved = db.get_message(reply.id)
    assert (saved.text, saved.status, saved.error_text) == (
        "first",
        MessageStatus.ERROR,
        "model failed",
    )
    assert db.get_message(other.id) is None
    assert db.integrity_check() == ["ok"]


def test_bad_parts_fail_in_the_caller_not_in_the_thread(db, reply):
    with StreamingWriter(db.path) as writer:
        with pytest.raises(TypeError):
            writer.update(reply.id, "text", parts=[{"type": "tool"}])  # type: ignore[list-item]
        writer.update(reply.id, "still saving")
        assert writer.flush(timeout=5)
    assert db.get_message(reply.id).text == "still saving"


def test_a_failing_error_callback_does_not_stop_the_writer(db, reply, caplog):
    def on_error(error: StorageError) -> None:
        raise RuntimeError("the GUI callback has a bug")

    writer = StreamingWriter(db.path, interval=0.05, busy_timeout=0.05, on_error=on_error)
    blocker = sqlite3.connect(db.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        writer.update(reply.id, "survives")
        wait_until(lambda: writer.last_error is not None)
        wait_until(lambda: "callback failed" in caplog.text)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert writer.flush(timeout=5)
    assert db.get_message(reply.id).text == "survives"
    assert writer.close()
