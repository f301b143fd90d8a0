"""Message rows: add, update, page through, cut for regenerate, recover after a crash."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from desktop_app.core.events import Usage
from desktop_app.core.messages import translate
from desktop_app.core.models import MessageStatus, Role
from desktop_app.core.storage.base import StoreBase
from desktop_app.core.storage.errors import RecordNotFoundError
from desktop_app.core.storage.records import (
    PartRecord,
    StoredMessage,
    from_db_time,
    parts_from_json,
    parts_to_json,
    to_db_time,
    utc_now,
)

_COLUMNS = (
    "id, conversation_id, position, role, text, reasoning, parts, status, error_text, "
    "created_at, finished_at, input_tokens, output_tokens"
)


class _Unset:
    """Marks an update_message argument that was not given (None is a real value there)."""

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()


def message_from_row(row: sqlite3.Row | tuple) -> StoredMessage:
    """Build a StoredMessage from a row selected with the module's column list."""
    created = from_db_time(row[9])
    assert created is not None  # NOT NULL column
    return StoredMessage(
        id=row[0],
        conversation_id=row[1],
        position=row[2],
        role=Role(row[3]),
        text=row[4],
        reasoning=row[5],
        parts=parts_from_json(row[6]),
        status=MessageStatus(row[7]),
        error_text=row[8],
        created_at=created,
        finished_at=from_db_time(row[10]),
        input_tokens=row[11],
        output_tokens=row[12],
    )


class MessageStore(StoreBase):
    """Messages of a conversation, one row each, ordered by position."""

    def add_message(
        self,
        conversation_id: str,
        role: Role,
        text: str,
        *,
        status: MessageStatus = MessageStatus.COMPLETE,
        reasoning: str = "",
        parts: Iterable[PartRecord] = (),
        error_text: str | None = None,
        usage: Usage | None = None,
        created_at: datetime | None = None,
        finished_at: datetime | None = None,
    ) -> StoredMessage:
        """Append a message at the end of the conversation and record the activity.

        A STREAMING message starts with no finished_at; any other gets one (now if not given).
        """
        created = created_at or utc_now()
        if finished_at is None and status is not MessageStatus.STREAMING:
            finished_at = created
        with self.transaction() as conn:
            if not conn.execute(
                "SELECT 1 FROM conversations WHERE id = ?", (conversation_id,)
            ).fetchone():
                raise RecordNotFoundError(
                    translate("Storage", "That conversation no longer exists.")
                )
            position = conn.execute(
                "SELECT coalesce(max(position) + 1, 0) FROM messages WHERE conversation_id = ?",
                (conversation_id,),
            ).fetchone()[0]
            cursor = conn.execute(
                f"INSERT INTO messages ({_COLUMNS}) VALUES (NULL,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    conversation_id,
                    position,
                    str(Role(role)),
                    text,
                    reasoning,
                    parts_to_json(parts),
                    str(MessageStatus(status)),
                    error_text,
                    to_db_time(created),
                    to_db_time(finished_at) if finished_at else None,
                    usage.input_tokens if usage else None,
                    usage.output_tokens if usage else None,
                ),
            )
            conn.execute(
                "UPDATE conversations SET updated_at = max(updated_at, ?) WHERE id = ?",
                (to_db_time(created), conversation_id),
            )
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM messages WHERE id = ?", (cursor.lastrowid,)
            ).fetchone()
        return message_from_row(row)

    def update_message(
        self,
        message_id: int,
        *,
        text: str = UNSET,
        reasoning: str = UNSET,
        parts: Iterable[PartRecord] = UNSET,
        status: MessageStatus = UNSET,
        error_text: str | None = UNSET,
        usage: Usage | None = UNSET,
        finished_at: datetime | None = UNSET,
    ) -> StoredMessage:
        """Change the given fields of a message; unspecified fields stay as they are.

        Moving to a final status without a finished_at stamps it with now.
        """
        assignments: list[str] = []
        params: list[Any] = []

        def assign(column: str, value: Any) -> None:
            assignments.append(f"{column} = ?")
            params.append(value)

        if text is not UNSET:
            assign("text", text)
        if reasoning is not UNSET:
            assign("reasoning", reasoning)
        if parts is not UNSET:
            assign("parts", parts_to_json(parts))
        if status is not UNSET:
            assign("status", str(MessageStatus(status)))
            if finished_at is UNSET and status is not MessageStatus.STREAMING:
                finished_at = utc_now()
        if error_text is not UNSET:
            assign("error_text", error_text)
        if usage is not UNSET:
            assign("input_tokens", usage.input_tokens if usage else None)
            assign("output_tokens", usage.output_tokens if usage else None)
        if finished_at is not UNSET:
            assign("finished_at", to_db_time(finished_at) if finished_at else None)
        with self.transaction() as conn:
            if assignments:
                conn.execute(
                    f"UPDATE messages SET {', '.join(assignments)} WHERE id = ?",
                    (*params, message_id),
                )
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM messages WHERE id = ?", (message_id,)
            ).fetchone()
            if row is None:
                raise RecordNotFoundError(translate("Storage", "That message no longer exists."))
        return message_from_row(row)

    def get_message(self, message_id: int) -> StoredMessage | None:
        """The message with this id, or None."""
        with self._reading() as conn:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM messages WHERE id = ?", (message_id,)
            ).fetchone()
        return message_from_row(row) if row else None

    def messages(
        self,
        conversation_id: str,
        *,
        limit: int | None = None,
        before_position: int | None = None,
        from_position: int | None = None,
    ) -> list[StoredMessage]:
        """Messages in ascending position.

        With `limit`, only the newest `limit` messages (before `before_position` when given):
        the transcript loads the tail first and older pages as the reader scrolls up. With
        `from_position`, the first `limit` messages at or after it instead (a page around a
        search hit, then newer pages as the reader scrolls down).
        """
        where = "conversation_id = ?"
        params: list[Any] = [conversation_id]
        if before_position is not None:
            where += " AND position < ?"
            params.append(before_position)
        if from_position is not None:
            where += " AND position >= ?"
            params.append(from_position)
        newest_first = limit is not None and from_position is None
        order = "position DESC" if newest_first else "position"
        query = f"SELECT {_COLUMNS} FROM messages WHERE {where} ORDER BY {order}"
        if limit is not None:
            query += " LIMIT ?"
            params.append(max(0, limit))
        with self._reading() as conn:
            rows = conn.execute(query, params).fetchall()
        if newest_first:
            rows.reverse()
        return [message_from_row(row) for row in rows]

    def count_messages(self, conversation_id: str) -> int:
        """How many messages the conversation holds."""
        with self._reading() as conn:
            return int(
                conn.execute(
                    "SELECT count(*) FROM messages WHERE conversation_id = ?", (conversation_id,)
                ).fetchone()[0]
            )

    def delete_messages_from(self, conversation_id: str, position: int) -> int:
        """Delete the message at `position` and every later one (edit & resend, regenerate).

        Returns how many were deleted.
        """
        with self.transaction() as conn:
            cursor = conn.execute(
                "DELETE FROM messages WHERE conversation_id = ? AND position >= ?",
                (conversation_id, position),
            )
        return cursor.rowcount

    def mark_interrupted(self) -> list[StoredMessage]:
        """At startup: every message still STREAMING (the app died mid-reply) -> INTERRUPTED.

        Its partial text stays. Returns the messages as they are now.
        """
        now = to_db_time(utc_now())
        with self.transaction() as conn:
            ids = [
                row[0]
                for row in conn.execute(
                    "SELECT id FROM messages WHERE status = ?", (str(MessageStatus.STREAMING),)
                )
            ]
            for message_id in ids:
                conn.execute(
                    "UPDATE messages SET status = ?, finished_at = coalesce(finished_at, ?) "
                    "WHERE id = ?",
                    (str(MessageStatus.INTERRUPTED), now, message_id),
                )
            rows = [
                conn.execute(f"SELECT {_COLUMNS} FROM messages WHERE id = ?", (i,)).fetchone()
                for i in ids
            ]
        return [message_from_row(row) for row in rows]
