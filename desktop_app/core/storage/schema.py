"""The history schema as ordered migrations; `PRAGMA user_version` says how many have run."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

# MIGRATIONS[n] takes a database from schema n to schema n + 1. Never edit a released entry:
# append a new one. Each entry is a list of single statements (trigger bodies contain ';',
# and executescript() would commit behind our back), all run in ONE transaction.
_V1_TABLES: Sequence[str] = (
    """
    CREATE TABLE profiles (
        id TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        base_url TEXT NOT NULL,
        agent_id TEXT NOT NULL,
        agent_name TEXT NOT NULL DEFAULT '',
        agent_description TEXT NOT NULL DEFAULT '',
        model_name TEXT NOT NULL DEFAULT '',
        identifier TEXT NOT NULL DEFAULT '',
        key_ref TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
    )
    """,
    """
    CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        server_thread_id TEXT,
        deleted_at INTEGER
    )
    """,
    "CREATE INDEX conversations_by_profile ON conversations(profile_id, updated_at)",
    """
    CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        role TEXT NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        reasoning TEXT NOT NULL DEFAULT '',
        parts TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL,
        error_text TEXT,
        created_at INTEGER NOT NULL,
        finished_at INTEGER,
        input_tokens INTEGER,
        output_tokens INTEGER,
        UNIQUE (conversation_id, position)
    )
    """,
    # Startup looks for replies that were streaming when the app died: keep that lookup cheap.
    "CREATE INDEX messages_streaming ON messages(status) WHERE status = 'streaming'",
)

_V2_SEARCH: Sequence[str] = (
    # External content: the text lives once, in messages; the index holds only tokens.
    # Every search term is a prefix query ("invoice" finds "invoices"); the 2- and 3-character
    # prefix indexes keep short, common prefixes ("th"*) from merging thousands of doclists.
    """
    CREATE VIRTUAL TABLE messages_fts USING fts5(
        text, content='messages', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3'
    )
    """,
    """
    CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
        INSERT INTO messages_fts(rowid, text) VALUES (new.id, new.text);
    END
    """,
    """
    CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
        INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END
    """,
    # Only a change of text touches the index: status and usage updates stay cheap.
    """
    CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages
    WHEN old.text IS NOT new.text BEGIN
        INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO messages_fts(rowid, text) VALUES (new.id, new.text);
    END
    """,
    "INSERT INTO messages_fts(messages_fts) VALUES ('rebuild')",
)

MIGRATIONS: tuple[Sequence[str], ...] = (_V1_TABLES, _V2_SEARCH)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    """The schema version recorded in the database header (0 for a new file)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def apply_migrations(
    conn: sqlite3.Connection,
    target: int = SCHEMA_VERSION,
    migrations: Sequence[Sequence[str]] = MIGRATIONS,
) -> int:
    """Run every migration from the current version up to `target`; return the old version.

    Each step and its version bump commit together, so a crash leaves a consistent version.
    The caller has already refused newer versions and made a backup.
    """
    start = schema_version(conn)
    for version in range(start, target):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in migrations[version]:
                conn.execute(statement)
            # PRAGMA does not take parameters; version is an int we computed.
            conn.execute(f"PRAGMA user_version = {version + 1:d}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return start
