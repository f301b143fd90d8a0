"""Server history: records grouped by thread, threads imported idempotently (real emulator)."""

from __future__ import annotations

import functools
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.core.api_types import HistoryRecord, Pagination
from desktop_app.core.client import AgentsGTClient
from desktop_app.core.models import ChatMessage, MessageStatus, Role
from desktop_app.core.profiles import new_profile
from desktop_app.core.server_history import (
    ServerThread,
    fetch_thread,
    find_imported,
    group_by_thread,
    import_thread,
    page_count,
    profile_for_thread,
)
from desktop_app.core.storage import Database
from desktop_app.emulator.server import EmulatorServer
from tests.e2e.contract_helpers import FIRST_AGENT, against

SECOND_AGENT = "3f2b8c1e-7a4d-4e9b-9c2a-1d5e6f7a8b02"
T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def record(
    record_id: str, thread: str | None, minutes: int, text: str = "q", answer: str = "a"
) -> HistoryRecord:
    return HistoryRecord(
        id=record_id,
        agent_id=FIRST_AGENT,
        thread_id=thread,
        input=text,
        output=answer,
        input_tokens=3,
        output_tokens=5,
        total_credits=2,
        created_at=T0 + timedelta(minutes=minutes),
        channel="API",
    )


@pytest.fixture
def database(tmp_path: Path):
    db = Database.open(tmp_path / "history.db")
    yield db
    db.close()


@pytest.fixture
def profile(database: Database, emulator: EmulatorServer):
    saved = new_profile("Support", FIRST_AGENT, base_url=emulator.base_url)
    database.save_profile(saved)
    return saved


async def chat_turns(client: AgentsGTClient, *conversations: tuple[str, ...]) -> None:
    """Chat each conversation turn by turn, sending the whole conversation every time."""
    for turns in conversations:
        history: list[ChatMessage] = []
        for text in turns:
            history.append(ChatMessage(Role.USER, text))
            result = await client.chat(FIRST_AGENT, history)
            history.append(ChatMessage(Role.ASSISTANT, result.text))


# --- pure logic ------------------------------------------------------------------------------


def test_group_by_thread_orders_records_and_threads() -> None:
    # The server lists newest first; a record with no thread id is a thread of its own.
    page = [
        record("r4", "thread_b", 40),
        record("r3", "thread_a", 30),
        record("r5", None, 35),
        record("r2", "thread_b", 20),
        record("r1", "thread_a", 10),
        record("r3", "thread_a", 30),  # repeated across pages: kept once
    ]
    threads = group_by_thread(page)
    assert [t.thread_id for t in threads] == ["thread_b", "record:r5", "thread_a"]
    assert [r.id for r in threads[0].records] == ["r2", "r4"]
    assert [r.id for r in threads[2].records] == ["r1", "r3"]
    assert threads[1].is_real_thread is False
    assert threads[0].total_credits == 4
    assert threads[0].first_at == T0 + timedelta(minutes=20)
    assert threads[0].last_at == T0 + timedelta(minutes=40)


def test_equal_times_keep_the_conversation_order_and_naive_times_are_utc() -> None:
    newest_first = [
        record("second", "t", 0, "second question"),
        record("first", "t", 0, "first question"),
        HistoryRecord("naive", FIRST_AGENT, "u", "x", "y", created_at=datetime(2024, 6, 1)),
    ]
    threads = group_by_thread(newest_first)
    assert threads[0].thread_id == "u"  # naive June 2024 is later than May 2024 (UTC)
    assert [r.id for r in threads[1].records] == ["first", "second"]
    assert threads[1].title == "first question"


def test_page_count() -> None:
    assert page_count(Pagination(page=1, limit=20, total=41)) == 3
    assert page_count(Pagination(page=1, limit=20, total=0)) == 1
    assert page_count(Pagination(page=1, limit=20, total=None)) is None
    assert page_count(None) is None


def test_profile_for_thread_prefers_the_open_profile(database: Database) -> None:
    own = new_profile("Own", FIRST_AGENT, base_url="http://127.0.0.1:9/api/v1")
    other = new_profile("Other", SECOND_AGENT, base_url="http://127.0.0.1:9/api/v1/")
    thread = ServerThread("t", (record("r", "t", 0),))
    assert profile_for_thread(thread, own, [own, other]) == own
    foreign = ServerThread("t2", (HistoryRecord("x", SECOND_AGENT.upper(), "t2", "q", "a"),))
    assert profile_for_thread(foreign, own, [own, other]) == other
    assert profile_for_thread(foreign, own, [own]) is None


def test_import_appends_only_new_exchanges_and_counts_repeats(database, profile) -> None:
    # The same question asked twice with the same answer is two exchanges, not a duplicate.
    first = ServerThread("t", (record("1", "t", 0, "again", "same"),))
    report = import_thread(database, profile.id, first)
    assert (report.created, report.added) == (True, 1)
    grown = ServerThread(
        "t", (record("1", "t", 0, "again", "same"), record("2", "t", 1, "again", "same"))
    )
    report = import_thread(database, profile.id, grown)
    assert (report.created, report.added, report.already_present) == (False, 1, 1)
    texts = [m.text for m in database.messages(report.conversation_id)]
    assert texts == ["again", "same", "again", "same"]
    assert "up to date" in import_thread(database, profile.id, grown).sentence()


def test_import_restores_a_conversation_from_the_bin(database, profile) -> None:
    thread = ServerThread("t", (record("1", "t", 0),))
    report = import_thread(database, profile.id, thread)
    database.delete_conversation(report.conversation_id)
    again = import_thread(database, profile.id, thread)
    assert again.conversation_id == report.conversation_id and again.added == 0
    assert database.get_conversation(report.conversation_id).deleted_at is None


def test_import_is_one_transaction(database, profile, monkeypatch) -> None:
    thread = ServerThread("t", (record("1", "t", 0), record("2", "t", 1)))
    calls = {"n": 0}
    real_add = database.add_message

    def failing_add(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:  # the second exchange's question
            raise OSError("disk went away")
        return real_add(*args, **kwargs)

    monkeypatch.setattr(database, "add_message", failing_add)
    with pytest.raises(OSError):
        import_thread(database, profile.id, thread)
    assert database.list_conversations(profile.id) == []


# --- against the real emulator ----------------------------------------------------------------


def test_chats_become_threads_and_import_without_duplicates(
    emulator: EmulatorServer, database: Database, profile
) -> None:
    emulator.state.reset(seed_history=False)
    conversations = (("Plan a trip to Lima", "And the budget?", "Thanks!"), ("Tell me a joke",))

    async def scenario(client: AgentsGTClient):
        await chat_turns(client, *conversations)
        page = await client.history_by_agent(FIRST_AGENT, limit=50)
        threads = group_by_thread(page.records)
        source = functools.partial(client.history_by_agent, FIRST_AGENT)
        whole = await fetch_thread(source, threads[-1].thread_id)
        return page, threads, whole

    page, threads, whole = against(emulator, scenario)
    assert page_count(page.pagination) == 1
    assert [len(t.records) for t in threads] == [1, 3]  # latest activity first
    trip = threads[1]
    assert [r.input for r in trip.records] == list(conversations[0])
    assert whole == trip
    assert trip.title == "Plan a trip to Lima"

    report = import_thread(database, profile.id, trip)
    assert report.created and report.added == 3
    stored = database.messages(report.conversation_id)
    assert [m.role for m in stored] == [Role.USER, Role.ASSISTANT] * 3
    assert [m.text for m in stored[::2]] == list(conversations[0])
    assert stored[1].text == trip.records[0].output
    assert stored[1].status is MessageStatus.COMPLETE
    assert stored[1].output_tokens == trip.records[0].output_tokens
    assert stored[0].created_at == trip.records[0].created_at

    # Importing the same thread again adds nothing.
    again = import_thread(database, profile.id, trip)
    assert (again.created, again.added, again.conversation_id) == (
        False,
        0,
        report.conversation_id,
    )
    assert database.count_messages(report.conversation_id) == 6
    found = find_imported(database, profile.id, trip.thread_id)
    assert found is not None and found.title == "Plan a trip to Lima"


def test_new_records_of_an_imported_thread_are_appended(
    emulator: EmulatorServer, database: Database, profile
) -> None:
    emulator.state.reset(seed_history=False)

    async def first_part(client: AgentsGTClient):
        await chat_turns(client, ("Hello there",))
        page = await client.history_by_agent(FIRST_AGENT)
        return group_by_thread(page.records)[0]

    thread = against(emulator, first_part)
    report = import_thread(database, profile.id, thread)

    async def continue_thread(client: AgentsGTClient):
        # Same first message: the emulator keeps the thread id.
        hello = ChatMessage(Role.USER, "Hello there")
        reply = ChatMessage(Role.ASSISTANT, thread.records[0].output)
        await client.chat(FIRST_AGENT, [hello, reply, ChatMessage(Role.USER, "One more thing")])
        source = functools.partial(client.history_by_agent, FIRST_AGENT)
        return await fetch_thread(source, thread.thread_id)

    grown = against(emulator, continue_thread)
    assert len(grown.records) == 2
    update = import_thread(database, profile.id, grown)
    assert (update.created, update.added, update.already_present) == (False, 1, 1)
    assert update.conversation_id == report.conversation_id
    texts = [m.text for m in database.messages(report.conversation_id)]
    assert texts[0] == "Hello there" and texts[2] == "One more thing"
    assert len(database.list_conversations(profile.id)) == 1


def test_fetch_thread_reads_every_page(emulator: EmulatorServer) -> None:
    emulator.state.reset(seed_history=False)
    turns = tuple(f"turn {n}" for n in range(5))

    async def scenario(client: AgentsGTClient):
        await chat_turns(client, turns)
        thread_id = (await client.history_by_agent(FIRST_AGENT)).records[0].thread_id
        calls: list[int] = []

        async def small_pages(*, page: int, limit: int, thread_id: str):
            calls.append(page)
            return await client.history_by_agent(
                FIRST_AGENT, page=page, limit=2, thread_id=thread_id
            )

        return await fetch_thread(small_pages, thread_id), calls

    thread, calls = against(emulator, scenario)
    assert calls == [1, 2, 3]
    assert [r.input for r in thread.records] == list(turns)
