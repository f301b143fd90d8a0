"""Durable local history: the only package that speaks SQL (stdlib sqlite3)."""

from desktop_app.core.storage.conversations import propose_title
from desktop_app.core.storage.database import Database
from desktop_app.core.storage.errors import (
    DatabaseCorruptError,
    DatabaseFullError,
    DatabaseLockedError,
    DatabaseReadOnlyError,
    RecordNotFoundError,
    SchemaTooNewError,
    StorageError,
)
from desktop_app.core.storage.records import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    UNTITLED,
    Conversation,
    PartRecord,
    SearchHit,
    SourceRecord,
    StoredMessage,
    ToolRecord,
    parts_from_result,
)
from desktop_app.core.storage.schema import SCHEMA_VERSION
from desktop_app.core.storage.writer import StreamingWriter

__all__ = [
    "HIGHLIGHT_END",
    "HIGHLIGHT_START",
    "SCHEMA_VERSION",
    "UNTITLED",
    "Conversation",
    "Database",
    "DatabaseCorruptError",
    "DatabaseFullError",
    "DatabaseLockedError",
    "DatabaseReadOnlyError",
    "PartRecord",
    "RecordNotFoundError",
    "SchemaTooNewError",
    "SearchHit",
    "SourceRecord",
    "StorageError",
    "StoredMessage",
    "StreamingWriter",
    "ToolRecord",
    "parts_from_result",
    "propose_title",
]
