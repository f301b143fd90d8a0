"""Importing exports into the history database: identical round trips, no duplicates, atomicity."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.errors import InvalidInputError
from desktop_app.core.export import (
    ConversationImportError,
    ExportFormat,
    collect,
    import_document,
    import_file,
    parse_json,
    render_json,
    write_export,
)
from desktop_app.core.models import MessageStatus, Role
from desktop_app.core.storage import Database, StorageError
from tests.fixtures.export_samples import (
    AGENT_ID,
    HOSTILE,
    OTHER_AGENT_ID,
    T0,
    exported_profile,
    fill_database,
    message,
    open_database,
    sample_conversation,
    sample_document,
    save_profile,
)


@pytest.fixture
def source(tmp_path: Path):
    database = open_database(tmp_path / "source.sqlite3")
    yield database
    database.close()


@pytest.fixture
def target(tmp_path: Path):
    database = open_database(tmp_path / "target.sqlite3")
    yield database
    database.close()


def counts(database: Database) -> tuple[int, int, int]:
    """(profiles, conversations, messages) in a database."""
    conversations = database.list_conversations() + database.list_conversations(deleted=True)
    messages = sum(len(database.messages(c.id)) for c in conversations)
    return len(database.list_profiles()), len(conversations), messages


def test_export_then_import_gives_an_identical_conversation(source: Database, target: Database):
    fill_database(source, save_profile(source), sample_conversation())
    exported = collect(source, exported_at=T0)
    save_profile(target)  # the same agent, saved on the other machine
    report = import_document(target, parse_json(render_json(exported)))
    assert [c.id for c in report.imported] == [exported.conversations[0].id]
    assert report.new_profiles == ()
    assert collect(target, exported_at=T0) == exported


@settings(max_examples=25, deadline=None)
@given(
    texts=st.lists(st.text(), min_size=1, max_size=4),
    reasoning=st.text(max_size=30),
    error_text=st.none() | st.text(max_size=30),
    thread=st.none() | st.text(max_size=20),
)
def test_any_unicode_round_trips_through_the_database(texts, reasoning, error_text, thread):
    conversation = replace(
        sample_conversation(),
        server_thread_id=thread,
        messages=tuple(
            message(
                index,
                Role.ASSISTANT if index % 2 == 0 else Role.USER,
                text,
                minutes=index,
                reasoning=reasoning,
                error_text=error_text,
            )
            for index, text in enumerate(texts, start=1)
        ),
    )
    with tempfile.TemporaryDirectory() as folder:
        with Database.open(Path(folder) / "a.sqlite3") as first:
            fill_database(first, save_profile(first), conversation)
            exported = collect(first, exported_at=T0)
        with Database.open(Path(folder) / "b.sqlite3") as second:
            save_profile(second)
            import_document(second, parse_json(render_json(exported).encode("utf-8")))
            assert collect(second, exported_at=T0) == exported


def test_import_into_an_empty_history_creates_a_profile_without_keys(
    target: Database, tmp_path: Path
):
    path = write_export(sample_document(), ExportFormat.JSON, tmp_path / "chats.json")
    report = import_file(target, path)
    (profile,) = target.list_profiles()
    assert profile.display_name == "Imported: Helper"
    assert profile.key_ref == ""
    assert (profile.agent_id, profile.agent_name) == (AGENT_ID, "Helper")
    assert profile.base_url == "https://agentsgt.com/api/v1"
    assert report.new_profiles == ("Imported: Helper",)
    conversation = target.get_conversation("c-1")
    assert conversation is not None and conversation.profile_id == profile.id
    assert conversation.title == "Opening hours"
    lines = list(report.lines())
    assert lines[0] == "Imported 1 conversation (5 messages)."
    assert "Opening hours" in lines[1] and "[c-1]" in lines[1]
    assert "without keys" in lines[-1]


def test_importing_twice_adds_nothing_the_second_time(target: Database):
    data = render_json(sample_document())
    import_document(target, parse_json(data))
    before = counts(target)
    target.rename_conversation("c-1", "Renamed here")
    report = import_document(target, parse_json(data))
    assert report.imported == () and [s.id for s in report.skipped] == ["c-1"]
    assert counts(target) == before == (1, 1, 5)
    conversation = target.get_conversation("c-1")
    assert conversation is not None and conversation.title == "Renamed here"  # left unchanged
    assert "Skipped 1 already present" in "\n".join(report.lines())


def test_importing_a_conversation_in_the_bin_restores_it_as_exported(target: Database):
    import_document(target, sample_document())
    target.rename_conversation("c-1", "Changed before deleting")
    target.delete_conversation("c-1")
    report = import_document(target, sample_document())
    assert report.skipped == ()
    assert [(c.id, c.restored) for c in report.imported] == [("c-1", True)]
    conversation = target.get_conversation("c-1")
    assert conversation is not None and conversation.deleted_at is None
    assert conversation.title == sample_document().conversations[0].title  # the imported one
    assert counts(target) == (1, 1, 5)  # replaced, not doubled
    assert target.list_conversations(deleted=True) == []
    assert "restored from Recently deleted" in "\n".join(report.lines())


def test_matching_profile_by_base_url_and_agent(target: Database):
    local = save_profile(target, "Mine")
    imported = replace(
        sample_conversation(),
        profile=replace(
            exported_profile("Theirs"),
            base_url="https://agentsgt.com/api/v1/",
            agent_id=AGENT_ID.upper(),
        ),
    )
    report = import_document(target, sample_document(imported))
    assert report.new_profiles == ()
    conversation = target.get_conversation("c-1")
    assert conversation is not None and conversation.profile_id == local.id


def test_one_new_profile_per_agent(target: Database):
    other = replace(
        sample_conversation("c-3", "Other agent"),
        profile=replace(exported_profile(), agent_id=OTHER_AGENT_ID, agent_name=""),
    )
    document = sample_document(sample_conversation("c-1"), sample_conversation("c-2"), other)
    report = import_document(target, document)
    assert report.new_profiles == ("Imported: Helper", "Imported: Work agent")
    assert counts(target) == (2, 3, 15)


def test_hostile_text_is_stored_verbatim_and_streaming_becomes_interrupted(target: Database):
    conversation = replace(
        sample_conversation(),
        title=HOSTILE,
        messages=(message(1, Role.ASSISTANT, HOSTILE, status=MessageStatus.STREAMING),),
    )
    import_document(target, sample_document(conversation))
    stored = target.messages("c-1")
    assert stored[0].text == HOSTILE
    assert stored[0].status is MessageStatus.INTERRUPTED


def test_an_invalid_profile_is_refused_before_anything_is_written(target: Database):
    save_profile(target)
    before = counts(target)
    bad = replace(
        sample_conversation("c-2"), profile=replace(exported_profile(), agent_id="not-a-uuid")
    )
    with pytest.raises(ConversationImportError, match=r"^conversation 2, profile: The agent ID"):
        import_document(target, sample_document(sample_conversation("c-1"), bad))
    assert counts(target) == before
    insecure = replace(
        sample_conversation("c-2"),
        profile=replace(exported_profile(), base_url="http://agentsgt.example/api/v1"),
    )
    with pytest.raises(ConversationImportError, match=r"must use https://"):
        import_document(target, sample_document(sample_conversation("c-1"), insecure))
    assert counts(target) == before


class FailingDatabase(Database):
    """A real database whose disk 'fills up' after a number of message writes."""

    writes_left = 7

    def add_message(self, *args, **kwargs):
        if self.writes_left == 0:
            raise StorageError("The disk holding the history database is full.")
        self.writes_left -= 1
        return super().add_message(*args, **kwargs)


def test_a_failure_while_writing_leaves_the_database_unchanged(tmp_path: Path):
    with FailingDatabase.open(tmp_path / "h.sqlite3") as database:
        fill_database(database, save_profile(database, "Existing"), sample_conversation())
        database.writes_left = 7  # the import fails in its second conversation
        before = counts(database)
        document = sample_document(sample_conversation("c-1"), sample_conversation("c-2"))
        with pytest.raises(StorageError, match="full"):
            import_document(database, document)
        assert counts(database) == before
        assert database.get_conversation("c-1") is None
        assert [p.display_name for p in database.list_profiles()] == ["Existing"]


def test_collect_names_a_missing_conversation_and_skips_the_bin(source: Database):
    profile = save_profile(source)
    first = fill_database(source, profile, sample_conversation())
    second = fill_database(source, profile, sample_conversation(title="Second"))
    with pytest.raises(InvalidInputError, match="no conversation with the id nope"):
        collect(source, ["nope"])
    assert [c.id for c in collect(source, [second, first, second]).conversations] == [
        second,
        first,
    ]
    source.delete_conversation(second)
    assert [c.id for c in collect(source).conversations] == [first]
