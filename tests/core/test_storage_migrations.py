"""Schema versions: migrating an old file (with a backup first), refusing newer, damaged files."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from desktop_app.core.models import MessageStatus
from desktop_app.core.storage import (
    SCHEMA_VERSION,
    Database,
    DatabaseCorruptError,
    SchemaTooNewError,
)
from desktop_app.core.storage.backups import KEEP_BACKUPS, list_backups
from desktop_app.core.storage.schema import apply_migrations, schema_version

# Schema 1 exactly as it was released (no search index). Kept literal on purpose: the test must
# prove that a real old file is upgraded, not whatever MIGRATIONS[0] says today.
V1_DDL = """
CREATE TABLE profiles (
    id TEXT PRIMARY KEY, display_name TEXT NOT NULL, base_url TEXT NOT NULL,
    agent_id TEXT NOT NULL, agent_name TEXT NOT NULL DEFAULT '',
    agent_description TEXT NOT NULL DEFAULT '', model_name TEXT NOT NULL DEFAULT '',
    identifier TEXT NOT NULL DEFAULT '', key_ref TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    title TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
    server_thread_id TEXT, deleted_at INTEGER);
CREATE INDEX conversations_by_profile ON conversations(profile_id, updated_at);
CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, role TEXT NOT NULL, text TEXT NOT NULL DEFAULT '',
    reasoning TEXT NOT NULL DEFAULT '', parts TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL, error_text TEXT, created_at INTEGER NOT NULL, finished_at INTEGER,
    input_tokens INTEGER, output_tokens INTEGER, UNIQUE (conversation_id, position));
CREATE INDEX messages_streaming ON messages(status) WHERE status = 'streaming';
INSERT INTO profiles VALUES ('p1', 'Old profile', 'https://agentsgt.com/api/v1',
    '123e4567-e89b-12d3-a456-426614174000', '', '', '', '', '', 1700000000000000,
    1700000000000000);
INSERT INTO conversations VALUES ('c1', 'p1', 'Old chat', 1700000000000000,
    1700000000000000, NULL, NULL);
INSERT INTO messages (conversation_id, position, role, text, status, created_at)
    VALUES ('c1', 0, 'user', 'remember the wombat', 'complete', 1700000000000000);
INSERT INTO messages (conversation_id, position, role, text, status, created_at)
    VALUES ('c1', 1, 'assistant', 'half an answ', 'streaming', 1700000000000001);
PRAGMA user_version = 1;
"""


def make_v1(path):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.executescript(V1_DDL)
    conn.close()


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_v1_file_is_backed_up_then_migrated_keeping_data(tmp_path):
    path = tmp_path / "history.sqlite3"
    make_v1(path)
    with Database.open(path) as db:
        assert schema_version(db._connection()) == SCHEMA_VERSION
        assert db.get_conversation("c1").title == "Old chat"
        assert [m.text for m in db.messages("c1")] == ["remember the wombat", "half an answ"]
        # The new search index was built from the old rows.
        assert [h.position for h in db.search("wombat")] == [0]
        assert [m.status for m in db.mark_interrupted()] == [MessageStatus.INTERRUPTED]
        assert db.integrity_check() == ["ok"]
    (backup,) = list_backups(path)
    assert backup.name.startswith("history.sqlite3.bak-1-")
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT text FROM messages ORDER BY position").fetchall() == [
        ("remember the wombat",),
        ("half an answ",),
    ]
    assert old.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    old.close()


def test_backup_includes_commits_still_in_the_wal(tmp_path):
    path = tmp_path / "history.sqlite3"
    make_v1(path)
    holder = sqlite3.connect(path)  # keeps the WAL from being checkpointed into the file
    holder.execute("PRAGMA wal_autocheckpoint = 0")
    holder.execute(
        "INSERT INTO messages (conversation_id, position, role, text, status, created_at) "
        "VALUES ('c1', 2, 'user', 'only in the wal', 'complete', 1700000000000002)"
    )
    holder.commit()
    Database.open(path).close()
    holder.close()
    (backup,) = list_backups(path)
    old = sqlite3.connect(backup)
    assert ("only in the wal",) in old.execute("SELECT text FROM messages").fetchall()
    old.close()


def test_only_the_last_three_backups_are_kept(tmp_path):
    path = tmp_path / "history.sqlite3"
    for stamp in ("20200101T000000000000Z", "20210101T000000000000Z", "20220101T000000000000Z"):
        (tmp_path / f"history.sqlite3.bak-1-{stamp}").write_bytes(b"old")
    make_v1(path)
    Database.open(path).close()
    names = [p.name for p in list_backups(path)]
    assert len(names) == KEEP_BACKUPS
    assert "history.sqlite3.bak-1-20200101T000000000000Z" not in names
    assert not any(name.endswith(".partial") for name in names)


def test_a_new_or_current_database_makes_no_backup(tmp_path):
    path = tmp_path / "history.sqlite3"
    Database.open(path).close()
    Database.open(path).close()
    assert list_backups(path) == []


def test_newer_schema_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "history.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = digest(path)
    with pytest.raises(SchemaTooNewError) as info:
        Database.open(path)
    assert str(info.value) == (
        "This history was written by a newer version of AgentsGT Desktop (schema 99); "
        "update the app. Your data has not been changed."
    )
    assert info.value.version == 99
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["history.sqlite3"]


def test_newer_schema_still_in_the_wal_is_refused(tmp_path):
    path = tmp_path / "history.sqlite3"
    Database.open(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA wal_autocheckpoint = 0")
    holder.execute("PRAGMA user_version = 42")  # in the -wal only; the file header says 2
    try:
        with pytest.raises(SchemaTooNewError):
            Database.open(path)
    finally:
        holder.close()


def test_failed_migration_rolls_back_to_the_old_version(tmp_path):
    conn = sqlite3.connect(tmp_path / "x.sqlite3", isolation_level=None)
    broken = (("CREATE TABLE a (x)",), ("CREATE TABLE b (x)", "THIS IS NOT SQL"))
    with pytest.raises(sqlite3.OperationalError):
        apply_migrations(conn, target=2, migrations=broken)
    assert schema_version(conn) == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"a"}
    conn.close()


@pytest.mark.parametrize(
    "content",
    [
        b"this is not a database at all, just some text " * 10,
        b"SQLite",
        b"SQLite format 3\x00" + b"\xff" * 84 + b"\x00" * 4000,
    ],
)
def test_damaged_file_is_reported_and_not_changed(tmp_path, content):
    path = tmp_path / "history.sqlite3"
    path.write_bytes(content)
    with pytest.raises(DatabaseCorruptError) as info:
        Database.open(path)
    assert "damaged" in str(info.value)
    assert path.read_bytes() == content
