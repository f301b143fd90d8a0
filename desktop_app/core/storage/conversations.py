"""Conversation rows: create, list by latest activity, rename, soft delete, restore, erase."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import datetime, timedelta

from desktop_app.core.errors import InvalidInputError
from desktop_app.core.messages import translate
from desktop_app.core.storage.base import StoreBase
from desktop_app.core.storage.errors import RecordNotFoundError
from desktop_app.core.storage.records import (
    UNTITLED,
    Conversation,
    from_db_time,
    to_db_time,
    utc_now,
)

TITLE_LIMIT = 60
MAX_TITLE = 200

_SELECT = (
    "SELECT c.id, c.profile_id, c.title, c.created_at, c.updated_at, "
    "(SELECT count(*) FROM messages m WHERE m.conversation_id = c.id), "
    "c.server_thread_id, c.deleted_at FROM conversations c"
)


def propose_title(first_message: str, limit: int = TITLE_LIMIT) -> str:
    """A title from the first message: its first non-blank line, cut at a word near `limit`."""
    line = next((ln.strip() for ln in first_message.splitlines() if ln.strip()), "")
    line = " ".join(line.split())  # collapse tabs and runs of spaces
    if not line:
        return UNTITLED
    if len(line) <= limit:
        return line
    head = line[: limit + 1]
    cut = head.rsplit(" ", 1)[0] if " " in head else head
    # A very long word (a URL, say) leaves no good space to cut at: cut it hard.
    if len(cut) < limit // 2 or len(cut) > limit:
        cut = line[:limit]
    return cut.rstrip(" ,.;:-") + "…"


def _conversation(row: sqlite3.Row | tuple) -> Conversation:
    created, updated = from_db_time(row[3]), from_db_time(row[4])
    assert created is not None and updated is not None  # NOT NULL columns
    return Conversation(
        id=row[0],
        profile_id=row[1],
        title=row[2],
        created_at=created,
        updated_at=updated,
        message_count=row[5],
        server_thread_id=row[6],
        deleted_at=from_db_time(row[7]),
    )


def _clean_title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise InvalidInputError(translate("Storage", "Enter a title for the conversation."))
    return title[:MAX_TITLE]


class ConversationStore(StoreBase):
    """Conversations of a profile."""

    propose_title = staticmethod(propose_title)

    def create_conversation(
        self,
        profile_id: str,
        title: str | None = None,
        *,
        conversation_id: str | None = None,
        created_at: datetime | None = None,
        updated_at: datetime | None = None,
        server_thread_id: str | None = None,
    ) -> Conversation:
        """Start a conversation for a saved profile (the keyword arguments serve importers)."""
        created = created_at or utc_now()
        conversation = Conversation(
            id=conversation_id or str(uuid.uuid4()),
            profile_id=profile_id,
            title=_clean_title(title) if title is not None else UNTITLED,
            created_at=created,
            updated_at=updated_at or created,
            server_thread_id=server_thread_id,
        )
        with self.transaction() as conn:
            if not conn.execute("SELECT 1 FROM profiles WHERE id = ?", (profile_id,)).fetchone():
                raise RecordNotFoundError(
                    translate("Storage", "That agent profile no longer exists.")
                )
            conn.execute(
                "INSERT INTO conversations (id, profile_id, title, created_at, updated_at, "
                "server_thread_id) VALUES (?,?,?,?,?,?)",
                (
                    conversation.id,
                    profile_id,
                    conversation.title,
                    to_db_time(conversation.created_at),
                    to_db_time(conversation.updated_at),
                    server_thread_id,
                ),
            )
        return conversation

    def list_conversations(
        self, profile_id: str | None = None, *, deleted: bool = False
    ) -> list[Conversation]:
        """Conversations (of one profile, or all), latest activity first.

        With `deleted=True`, the ones in the bin instead (for an undo or "recently deleted" list).
        """
        where = "c.deleted_at IS NOT NULL" if deleted else "c.deleted_at IS NULL"
        params: tuple[str, ...] = ()
        if profile_id is not None:
            where += " AND c.profile_id = ?"
            params = (profile_id,)
        with self._reading() as conn:
            rows = conn.execute(
                f"{_SELECT} WHERE {where} ORDER BY c.updated_at DESC, c.rowid DESC", params
            ).fetchall()
        return [_conversation(row) for row in rows]

    def outside_changes(self) -> int:
        """A number that changes whenever another connection (another process: the CLI's
        import, a second window) commits to the history; this connection's own writes leave
        it alone (SQLite's PRAGMA data_version)."""
        with self._reading() as conn:
            return int(conn.execute("PRAGMA data_version").fetchone()[0])

    def get_conversation(self, conversation_id: str) -> Conversation | None:
        """The conversation with this id (also when it is in the bin), or None."""
        with self._reading() as conn:
            row = conn.execute(f"{_SELECT} WHERE c.id = ?", (conversation_id,)).fetchone()
        return _conversation(row) if row else None

    def rename_conversation(self, conversation_id: str, title: str) -> Conversation:
        """Give the conversation a new title (spaces collapsed; blank is refused)."""
        clean = _clean_title(title)
        self._update(conversation_id, "title = ?", (clean,))
        return self._require(conversation_id)

    def set_server_thread_id(self, conversation_id: str, thread_id: str | None) -> None:
        """Remember the server's thread id for this conversation (from chat history)."""
        self._update(conversation_id, "server_thread_id = ?", (thread_id,))

    def touch_conversation(self, conversation_id: str, when: datetime | None = None) -> None:
        """Record activity now (or at `when`), moving the conversation to the top of the list."""
        self._update(conversation_id, "updated_at = ?", (to_db_time(when or utc_now()),))

    def delete_conversation(self, conversation_id: str) -> None:
        """Move the conversation to the bin; `restore_conversation` undoes it."""
        self._update(conversation_id, "deleted_at = ?", (to_db_time(utc_now()),))

    def restore_conversation(self, conversation_id: str) -> Conversation:
        """Take the conversation back out of the bin."""
        self._update(conversation_id, "deleted_at = NULL", ())
        return self._require(conversation_id)

    def erase_conversation(self, conversation_id: str) -> None:
        """Delete a conversation in the bin forever, with its messages ("Delete forever").

        Only from the bin: a conversation in use is never erased without being deleted first.
        """
        with self.transaction() as conn:
            cursor = conn.execute(
                "DELETE FROM conversations WHERE id = ? AND deleted_at IS NOT NULL",
                (conversation_id,),
            )
        if cursor.rowcount == 0:
            raise RecordNotFoundError(
                translate("Storage", "That conversation is not in Recently deleted.")
            )

    def purge_deleted(self, older_than: timedelta | datetime = timedelta(0)) -> int:
        """Erase conversations deleted before a moment (or longer than a timedelta ago).

        Returns how many were erased; their messages go with them.
        """
        cutoff = utc_now() - older_than if isinstance(older_than, timedelta) else older_than
        with self.transaction() as conn:
            cursor = conn.execute(
                "DELETE FROM conversations WHERE deleted_at IS NOT NULL AND deleted_at <= ?",
                (to_db_time(cutoff),),
            )
        return cursor.rowcount

    def _update(self, conversation_id: str, assignment: str, params: tuple) -> None:
        with self.transaction() as conn:
            cursor = conn.execute(
                f"UPDATE conversations SET {assignment} WHERE id = ?", (*params, conversation_id)
            )
        if cursor.rowcount == 0:
            raise RecordNotFoundError(translate("Storage", "That conversation no longer exists."))

    def _require(self, conversation_id: str) -> Conversation:
        conversation = self.get_conversation(conversation_id)
        if conversation is None:
            raise RecordNotFoundError(translate("Storage", "That conversation no longer exists."))
        return conversation
