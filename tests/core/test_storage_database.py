"""Database: profiles, conversations and messages round-trip, order, undo and scale."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop_app.core.errors import InvalidInputError
from desktop_app.core.events import Usage
from desktop_app.core.models import MessageStatus, Role
from desktop_app.core.profiles import new_profile
from desktop_app.core.storage import (
    UNTITLED,
    Database,
    RecordNotFoundError,
    SourceRecord,
    StorageError,
    ToolRecord,
    propose_title,
)

AGENT = "123e4567-e89b-12d3-a456-426614174000"


@pytest.fixture
def profile(db):
    return db.save_profile(new_profile("Support", AGENT, key_ref="ref-1", identifier="user-1"))


def test_open_creates_folders_and_sets_pragmas(tmp_path):
    path = tmp_path / "a" / "b" / "history.sqlite3"
    with Database.open(path) as db:
        conn = db._connection()
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        assert db.integrity_check() == ["ok"]
    assert path.exists()
    assert db.closed
    with pytest.raises(StorageError, match="closed"):
        db.list_profiles()


def test_profiles_round_trip_upsert_and_order(db, profile):
    assert db.get_profile(profile.id) == profile
    other = db.save_profile(new_profile("alpha", AGENT))
    assert [p.display_name for p in db.list_profiles()] == ["alpha", "Support"]
    edited = profile.replace(display_name="Zed", agent_name="Helper")
    db.save_profile(edited)
    assert db.get_profile(profile.id) == edited
    assert len(db.list_profiles()) == 2
    assert db.delete_profile(other.id) is True
    assert db.delete_profile(other.id) is False
    assert db.get_profile(other.id) is None


def test_save_profile_validates(db):
    with pytest.raises(InvalidInputError):
        db.save_profile(new_profile("", AGENT))
    assert db.list_profiles() == []


def test_deleting_a_profile_deletes_its_conversations_and_index(db, profile):
    conv = db.create_conversation(profile.id, "Hi")
    db.add_message(conv.id, Role.USER, "kangaroo facts please")
    assert db.search("kangaroo")
    db.delete_profile(profile.id)
    assert db.get_conversation(conv.id) is None
    assert db.search("kangaroo") == []
    assert db.integrity_check() == ["ok"]
    conn = db._connection()
    # The cascade fired the index triggers: no stale entries (this raises if there were).
    conn.execute("INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)")
    assert conn.execute("SELECT count(*) FROM messages_fts").fetchone()[0] == 0


def test_conversations_are_listed_by_latest_activity(db, profile):
    first = db.create_conversation(profile.id, "First")
    second = db.create_conversation(profile.id)
    third = db.create_conversation(profile.id, "Third")
    assert second.title == UNTITLED
    assert [c.id for c in db.list_conversations(profile.id)] == [third.id, second.id, first.id]
    db.add_message(first.id, Role.USER, "hello")
    listed = db.list_conversations(profile.id)
    assert [c.id for c in listed] == [first.id, third.id, second.id]
    assert listed[0].message_count == 1
    assert listed[0].updated_at > listed[0].created_at or listed[0].message_count == 1


def test_conversation_needs_an_existing_profile(db):
    with pytest.raises(RecordNotFoundError):
        db.create_conversation("no-such-profile")


def test_rename_and_thread_id(db, profile):
    conv = db.create_conversation(profile.id, "Old")
    renamed = db.rename_conversation(conv.id, "  New \n title ")
    assert renamed.title == "New title"
    with pytest.raises(InvalidInputError):
        db.rename_conversation(conv.id, "   ")
    with pytest.raises(RecordNotFoundError):
        db.rename_conversation("missing", "x")
    db.set_server_thread_id(conv.id, "thread_abc")
    assert db.get_conversation(conv.id).server_thread_id == "thread_abc"


def test_soft_delete_restore_and_purge(db, profile):
    keep = db.create_conversation(profile.id, "Keep")
    gone = db.create_conversation(profile.id, "Gone")
    db.add_message(gone.id, Role.USER, "platypus")
    db.delete_conversation(gone.id)
    assert [c.id for c in db.list_conversations(profile.id)] == [keep.id]
    assert [c.id for c in db.list_conversations(profile.id, deleted=True)] == [gone.id]
    assert db.get_conversation(gone.id).deleted_at is not None
    assert db.search("platypus") == []
    restored = db.restore_conversation(gone.id)
    assert restored.deleted_at is None and restored.message_count == 1
    assert db.search("platypus")
    db.delete_conversation(gone.id)
    assert db.purge_deleted(timedelta(days=30)) == 0  # too recent
    assert db.purge_deleted(datetime.now(UTC) + timedelta(seconds=1)) == 1
    assert db.get_conversation(gone.id) is None
    assert db.count_messages(gone.id) == 0
    assert db.get_conversation(keep.id) is not None


def test_erase_deletes_forever_only_from_the_bin(db, profile):
    kept = db.create_conversation(profile.id, "In use")
    gone = db.create_conversation(profile.id, "Gone")
    db.add_message(gone.id, Role.USER, "wombat")
    with pytest.raises(RecordNotFoundError):
        db.erase_conversation(kept.id)  # not deleted first: never erased
    db.delete_conversation(gone.id)
    db.erase_conversation(gone.id)
    assert db.get_conversation(gone.id) is None
    assert db.count_messages(gone.id) == 0
    assert db.list_conversations(deleted=True) == []
    assert db.get_conversation(kept.id) is not None
    with pytest.raises(RecordNotFoundError):
        db.erase_conversation(gone.id)


def test_messages_round_trip_every_field(db, profile):
    conv = db.create_conversation(profile.id)
    parts = (
        ToolRecord("call-1", "weather", "output-available", {"city": "Lima"}, {"temp": 21}),
        SourceRecord("src-1", url="https://example.com", title="Example"),
    )
    user = db.add_message(conv.id, Role.USER, "What's the weather?")
    reply = db.add_message(
        conv.id,
        Role.ASSISTANT,
        "It is 21°C ☀️",
        reasoning="look it up",
        parts=parts,
        usage=Usage(8, 15),
        status=MessageStatus.COMPLETE,
    )
    assert (user.position, reply.position) == (0, 1)
    again = db.get_message(reply.id)
    assert again == reply
    assert again.parts == parts
    assert (again.input_tokens, again.output_tokens) == (8, 15)
    assert again.finished_at is not None and again.created_at.tzinfo is not None
    assert db.messages(conv.id) == [user, reply]
    assert db.count_messages(conv.id) == 2


def test_update_message_changes_only_given_fields(db, profile):
    conv = db.create_conversation(profile.id)
    msg = db.add_message(conv.id, Role.ASSISTANT, "", status=MessageStatus.STREAMING)
    assert msg.finished_at is None
    msg = db.update_message(msg.id, text="partial")
    assert (msg.text, msg.status, msg.finished_at) == ("partial", MessageStatus.STREAMING, None)
    msg = db.update_message(msg.id, status=MessageStatus.ERROR, error_text="model failed")
    assert msg.text == "partial" and msg.error_text == "model failed"
    assert msg.finished_at is not None
    msg = db.update_message(msg.id, error_text=None, usage=Usage(output_tokens=3))
    assert msg.error_text is None and msg.output_tokens == 3 and msg.input_tokens is None
    with pytest.raises(RecordNotFoundError):
        db.update_message(10**9, text="x")


def test_paging_older_messages(db, profile):
    conv = db.create_conversation(profile.id)
    for i in range(25):
        db.add_message(conv.id, Role.USER if i % 2 == 0 else Role.ASSISTANT, f"m{i}")
    newest = db.messages(conv.id, limit=10)
    assert [m.text for m in newest] == [f"m{i}" for i in range(15, 25)]
    older = db.messages(conv.id, limit=10, before_position=newest[0].position)
    assert [m.text for m in older] == [f"m{i}" for i in range(5, 15)]
    oldest = db.messages(conv.id, limit=10, before_position=older[0].position)
    assert [m.text for m in oldest] == [f"m{i}" for i in range(5)]
    assert db.messages(conv.id, limit=10, before_position=0) == []


def test_delete_messages_from_then_continue(db, profile):
    conv = db.create_conversation(profile.id)
    for i in range(5):
        db.add_message(conv.id, Role.USER, f"m{i}")
    assert db.delete_messages_from(conv.id, 2) == 3
    assert [m.text for m in db.messages(conv.id)] == ["m0", "m1"]
    again = db.add_message(conv.id, Role.USER, "edited")
    assert again.position == 2
    assert db.search("m3") == []


def test_mark_interrupted_keeps_partial_text(db, profile):
    conv = db.create_conversation(profile.id)
    done = db.add_message(conv.id, Role.ASSISTANT, "done")
    live = db.add_message(conv.id, Role.ASSISTANT, "half a rep", status=MessageStatus.STREAMING)
    marked = db.mark_interrupted()
    assert [(m.id, m.status, m.text) for m in marked] == [
        (live.id, MessageStatus.INTERRUPTED, "half a rep")
    ]
    assert marked[0].finished_at is not None
    assert db.get_message(done.id).status is MessageStatus.COMPLETE
    assert db.mark_interrupted() == []


def test_transaction_is_all_or_nothing_and_nests(db, profile):
    with pytest.raises(RuntimeError), db.transaction():
        conv = db.create_conversation(profile.id, "Imported")
        db.add_message(conv.id, Role.USER, "one")
        raise RuntimeError("validation failed half way")
    assert db.list_conversations(profile.id) == []
    with db.transaction():
        conv = db.create_conversation(profile.id, "Imported", conversation_id="fixed-id")
        db.add_message(conv.id, Role.USER, "one")
    assert db.get_conversation("fixed-id").message_count == 1


def test_one_megabyte_message(db, profile):
    conv = db.create_conversation(profile.id)
    text = ("lorem ipsum dolor sit amet 🦘 " * 40_000)[:1_000_000] + " zebrafish"
    msg = db.add_message(conv.id, Role.ASSISTANT, text)
    assert db.get_message(msg.id).text == text
    hits = db.search("zebrafish")
    assert [h.message_id for h in hits] == [msg.id]
    assert "\x02zebrafish\x03" in hits[0].snippet


def test_ten_thousand_messages_in_one_conversation(db, profile):
    conv = db.create_conversation(profile.id)
    with db.transaction():
        for i in range(10_000):
            db.add_message(conv.id, Role.USER if i % 2 == 0 else Role.ASSISTANT, f"message {i}")
    assert db.count_messages(conv.id) == 10_000
    tail = db.messages(conv.id, limit=200)
    assert [m.position for m in tail] == list(range(9_800, 10_000))
    assert tail[-1].text == "message 9999"
    assert db.list_conversations(profile.id)[0].message_count == 10_000


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Hello there", "Hello there"),
        ("\n\n  First line  \nsecond", "First line"),
        ("", UNTITLED),
        ("   \n\t", UNTITLED),
        (
            "Please summarise the quarterly report and list every risk you can find in it",
            "Please summarise the quarterly report and list every risk…",
        ),
        ("x" * 100, "x" * 60 + "…"),
    ],
)
def test_propose_title(text, title):
    assert propose_title(text) == title
    assert len(propose_title(text)) <= 61
