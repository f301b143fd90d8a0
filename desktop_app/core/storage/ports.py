"""The part of Database every importer writes through, as a Protocol (typed without sqlite3)."""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any, Protocol

from desktop_app.core.profiles import Profile
from desktop_app.core.storage.records import Conversation


class ConversationImporter(Protocol):
    """One transaction, the saved profiles, and conversations created with their own id and
    times: what both the JSON import and the server-history import need from storage."""

    def transaction(self) -> AbstractContextManager[Any]: ...

    def list_profiles(self) -> list[Profile]: ...

    def create_conversation(
        self,
        profile_id: str,
        title: str | None = None,
        *,
        conversation_id: str | None = None,
        created_at: datetime | None = None,
        updated_at: datetime | None = None,
        server_thread_id: str | None = None,
    ) -> Conversation: ...
