"""`StreamingWriter`: saves a streaming reply from a background thread, at most once a second."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop_app.core import messages
from desktop_app.core.events import Usage
from desktop_app.core.models import MessageStatus
from desktop_app.core.storage.base import DEFAULT_BUSY_TIMEOUT, connect
from desktop_app.core.storage.errors import StorageError, translate
from desktop_app.core.storage.records import (
    PartRecord,
    SourceRecord,
    ToolRecord,
    parts_to_json,
    to_db_time,
    utc_now,
)

log = logging.getLogger(__name__)

DEFAULT_INTERVAL = 1.0


@dataclass(frozen=True, slots=True)
class _Snapshot:
    text: str
    reasoning: str | None
    parts: tuple[PartRecord, ...] | None


@dataclass(frozen=True, slots=True)
class _Final:
    status: MessageStatus
    error_text: str | None
    usage: Usage | None
    finished_at: datetime


class StreamingWriter:
    """Persists the growing text of streaming replies on its own thread and SQLite connection.

    `update()` only stores the latest snapshot in memory (microseconds, never touches SQLite),
    so the GUI thread never waits on the disk. The thread writes pending snapshots at most once
    per `interval` and always within `interval` of a change; `finish()` is written at once.
    If a write fails (the file is locked, the disk is full) the data stays pending and is
    retried; `last_error` holds the failure and `on_error` is called on the writer thread.
    """

    def __init__(
        self,
        db_path: Path | str,
        *,
        interval: float = DEFAULT_INTERVAL,
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
        on_error: Callable[[StorageError], None] | None = None,
    ) -> None:
        self._path = Path(db_path)
        self._interval = interval
        self._busy_timeout = busy_timeout
        self._on_error = on_error
        self._cond = threading.Condition()
        self._snapshots: dict[int, _Snapshot] = {}
        self._finals: dict[int, _Final] = {}
        self._active: set[int] = set()
        self._writing = False
        self._flush_waiters = 0
        self._closing = False
        self._abandon = False
        self._next_write_at = 0.0  # time.monotonic() before which snapshots wait
        self._retry_at = 0.0  # after a failure, nothing is tried again before this
        self._last_error: StorageError | None = None
        self._batches_written = 0
        self._thread = threading.Thread(target=self._run, name="history-writer", daemon=True)
        self._thread.start()

    # --- called from the GUI thread: cheap, never touch SQLite -------------------------------

    def begin(self, message_id: int) -> None:
        """Start tracking a reply (its row already exists, status STREAMING)."""
        with self._cond:
            self._check_open()
            self._active.add(message_id)
            self._snapshots.pop(message_id, None)
            self._finals.pop(message_id, None)

    def update(
        self,
        message_id: int,
        text: str,
        reasoning: str | None = None,
        parts: Iterable[PartRecord] | None = None,
    ) -> None:
        """Remember the reply's full text so far (and reasoning/parts when given)."""
        records = tuple(parts) if parts is not None else None
        if records and not all(isinstance(part, ToolRecord | SourceRecord) for part in records):
            # Caught here, on the caller's thread, rather than failing a batch on the writer's.
            raise TypeError("parts must be ToolRecord or SourceRecord instances")
        snapshot = _Snapshot(text, reasoning, records)
        with self._cond:
            self._check_open()
            was_idle = not self._snapshots and not self._finals
            self._snapshots[message_id] = snapshot
            if was_idle:  # the thread sleeps until the first change; later ones it will see
                self._cond.notify_all()

    def finish(
        self,
        message_id: int,
        status: MessageStatus,
        error_text: str | None = None,
        usage: Usage | None = None,
    ) -> None:
        """Record how the reply ended; written promptly together with its last snapshot."""
        final = _Final(MessageStatus(status), error_text, usage, utc_now())
        with self._cond:
            self._check_open()
            self._finals[message_id] = final
            self._active.discard(message_id)
            self._cond.notify_all()

    # --- waiting and shutting down --------------------------------------------------------

    def flush(self, timeout: float | None = None) -> bool:
        """Write everything pending now and wait for it; False if not done within `timeout`."""
        with self._cond:
            self._flush_waiters += 1
            self._cond.notify_all()
            try:
                return self._cond.wait_for(self._idle, timeout)
            finally:
                self._flush_waiters -= 1

    def close(self, timeout: float = 5.0) -> bool:
        """Flush, stop the thread and close its connection. False if data had to be dropped."""
        with self._cond:
            if self._closing:
                return self._idle()
            self._closing = True
            self._cond.notify_all()
        self._thread.join(timeout)
        if self._thread.is_alive():
            with self._cond:
                self._abandon = True
                self._cond.notify_all()
            self._thread.join(timeout)
        with self._cond:
            return self._idle()

    @property
    def last_error(self) -> StorageError | None:
        """The most recent write failure, cleared by the next successful write."""
        with self._cond:
            return self._last_error

    @property
    def batches_written(self) -> int:
        """How many write transactions have committed (for tests and diagnostics)."""
        with self._cond:
            return self._batches_written

    @property
    def active_messages(self) -> frozenset[int]:
        """Replies begun and not yet finished."""
        with self._cond:
            return frozenset(self._active)

    def __enter__(self) -> StreamingWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- the writer thread ------------------------------------------------------------------

    def _check_open(self) -> None:
        if self._closing:
            raise StorageError(messages.translate("Storage", "The history writer is closed."))

    def _idle(self) -> bool:
        return not self._snapshots and not self._finals and not self._writing

    def _take_batch(self) -> tuple[dict[int, _Snapshot], dict[int, _Final]] | None:
        """Wait (holding the condition) until a batch is due; None means stop."""
        while True:
            if self._abandon or (self._closing and not self._snapshots and not self._finals):
                return None
            if not self._snapshots and not self._finals:
                self._cond.wait()
                continue
            urgent = bool(self._finals) or self._flush_waiters > 0 or self._closing
            due = self._retry_at if urgent else max(self._next_write_at, self._retry_at)
            delay = due - time.monotonic()
            if delay <= 0:
                batch = (self._snapshots, self._finals)
                self._snapshots, self._finals = {}, {}
                self._writing = True
                return batch
            self._cond.wait(delay)

    def _run(self) -> None:
        conn: sqlite3.Connection | None = None
        try:
            while True:
                with self._cond:
                    batch = self._take_batch()
                if batch is None:
                    return
                error: StorageError | None = None
                try:
                    if conn is None:
                        conn = connect(self._path, self._busy_timeout)
                    _write_batch(conn, *batch)
                except sqlite3.Error as exc:
                    error = translate(exc, self._path)
                except Exception as exc:
                    # A bug must not kill the thread (every later reply would go unsaved):
                    # log it, drop this batch, which retrying would not fix, and go on.
                    log.exception("The history writer could not save a batch")
                    error = StorageError(
                        messages.translate("Storage", "Could not save the reply: {reason}.").format(
                            reason=type(exc).__name__
                        )
                    )
                    batch = ({}, {})
                self._after_batch(batch, error)
        finally:
            if conn is not None:
                conn.close()

    def _after_batch(
        self, batch: tuple[dict[int, _Snapshot], dict[int, _Final]], error: StorageError | None
    ) -> None:
        snapshots, finals = batch
        with self._cond:
            self._writing = False
            now = time.monotonic()
            self._next_write_at = now + self._interval
            if error is None:
                self._retry_at = 0.0
                self._last_error = None
                self._batches_written += 1
            else:
                # Keep what failed, unless a newer snapshot arrived while we were writing.
                for message_id, snapshot in snapshots.items():
                    self._snapshots.setdefault(message_id, snapshot)
                for message_id, final in finals.items():
                    self._finals.setdefault(message_id, final)
                self._retry_at = now + self._interval
                self._last_error = error
            self._cond.notify_all()
        if error is not None and self._on_error is not None:
            try:
                self._on_error(error)
            except Exception:
                log.exception("The history writer's on_error callback failed")


def _write_batch(
    conn: sqlite3.Connection, snapshots: dict[int, _Snapshot], finals: dict[int, _Final]
) -> None:
    """Write snapshots, then final states, in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for message_id, snapshot in snapshots.items():
            columns, params = ["text = ?"], [snapshot.text]
            if snapshot.reasoning is not None:
                columns.append("reasoning = ?")
                params.append(snapshot.reasoning)
            if snapshot.parts is not None:
                columns.append("parts = ?")
                params.append(parts_to_json(snapshot.parts))
            conn.execute(
                f"UPDATE messages SET {', '.join(columns)} WHERE id = ?", (*params, message_id)
            )
        for message_id, final in finals.items():
            usage = final.usage or Usage()
            finished = to_db_time(final.finished_at)
            conn.execute(
                "UPDATE messages SET status = ?, error_text = ?, finished_at = ?, "
                "input_tokens = coalesce(?, input_tokens), "
                "output_tokens = coalesce(?, output_tokens) WHERE id = ?",
                (
                    str(final.status),
                    final.error_text,
                    finished,
                    usage.input_tokens,
                    usage.output_tokens,
                    message_id,
                ),
            )
            conn.execute(
                "UPDATE conversations SET updated_at = max(updated_at, ?) "
                "WHERE id = (SELECT conversation_id FROM messages WHERE id = ?)",
                (finished, message_id),
            )
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
