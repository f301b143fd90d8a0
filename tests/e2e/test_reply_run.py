"""ReplyRun end to end: the real client, emulator and history database, with no Qt."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.chat_session import ChatSession, DatabaseLog
from desktop_app.core.client import AgentsGTClient
from desktop_app.core.error_text import ErrorAction
from desktop_app.core.http import ClientSettings, make_http_client
from desktop_app.core.models import Credentials, MessageStatus, RetryWait, Role
from desktop_app.core.profiles import new_profile
from desktop_app.core.reply_run import ReplyEnd, ReplyObserver, ReplyRun
from desktop_app.core.storage import (
    Database,
    SourceRecord,
    StoredMessage,
    StreamingWriter,
    ToolRecord,
)
from desktop_app.emulator.server import EmulatorServer
from tests.e2e.contract_helpers import FIRST_AGENT

CODE_HELPER = "3f2b8c1e-7a4d-4e9b-9c2a-1d5e6f7a8b03"  # a "rich" agent: reasoning, tool, source
SETTINGS = ClientSettings(retry_backoff=0.0, retry_cap=30.0, idle_timeout=5.0, connect_timeout=5.0)


class Recorder(ReplyObserver):
    """Keeps what a front end would have shown, and what the history held when it ended."""

    def __init__(self, database: Database | None = None, writer: StreamingWriter | None = None):
        self.text: list[str] = []
        self.tools: list[ToolRecord] = []
        self.sources: list[SourceRecord] = []
        self.waits: list[RetryWait] = []
        self.ends: list[ReplyEnd] = []
        self.saved_at_end: MessageStatus | None = None
        self._database, self._writer = database, writer

    def text_received(self, delta: str) -> None:
        self.text.append(delta)

    def tool_changed(self, tool: ToolRecord) -> None:
        self.tools.append(tool)

    def source_received(self, source: SourceRecord) -> None:
        self.sources.append(source)

    def retry_scheduled(self, wait: RetryWait) -> None:
        self.waits.append(wait)

    def finished(self, end: ReplyEnd) -> None:
        self.ends.append(end)
        if self._database is not None and self._writer is not None:
            self._writer.flush(5.0)
            self.saved_at_end = _stored(self._database, end.reply_id).status


def _stored(database: Database, message_id: str) -> StoredMessage:
    message = database.get_message(int(message_id))
    assert message is not None
    return message


@pytest.fixture
def history(tmp_path: Path) -> Iterator[tuple[Database, StreamingWriter, str]]:
    database = Database.open(tmp_path / "history.sqlite3")
    writer = StreamingWriter(database.path, interval=0.05)
    profile = database.save_profile(new_profile("Helper", CODE_HELPER))
    conversation = database.create_conversation(profile.id)
    yield database, writer, conversation.id
    writer.close()
    database.close()


def _run(
    emulator: EmulatorServer,
    session: ChatSession,
    text: str,
    *,
    agent: str = CODE_HELPER,
    observer: ReplyObserver | None = None,
    writer: StreamingWriter | None = None,
    headers: dict[str, str] | None = None,
    cancel_on_wait: bool = False,
) -> ReplyEnd | None:
    async def main() -> ReplyEnd | None:
        async with make_http_client(SETTINGS) as http:
            keys = emulator.credentials

            async def connect() -> AgentsGTClient:
                return AgentsGTClient(
                    http,
                    base_url=emulator.base_url,
                    credentials=Credentials(keys.public_key, keys.secret_key),
                    settings=SETTINGS,
                    extra_headers=headers,
                )

            run = ReplyRun(
                session, session.send(text), connect, agent, observer=observer, saver=writer
            )
            task = asyncio.ensure_future(run.run())
            if cancel_on_wait:
                assert isinstance(observer, Recorder)
                async with asyncio.timeout(5):
                    while not observer.waits:
                        await asyncio.sleep(0.01)
                task.cancel()
            async with asyncio.timeout(10):
                await asyncio.wait([task])
            return run.end

    return asyncio.run(main())


def test_a_rich_reply_is_saved_with_its_tool_matched_by_id_and_its_source(
    emulator: EmulatorServer, history
) -> None:
    database, writer, conversation_id = history
    session = ChatSession(log=DatabaseLog(database, conversation_id))
    recorder = Recorder(database, writer)
    end = _run(emulator, session, "How do I count words?", observer=recorder, writer=writer)

    assert end is not None and end.status is MessageStatus.COMPLETE and end.problem is None
    # Every update of the call carries its name, however the server split the call's parts.
    assert recorder.tools and all(tool.tool_name == "search_docs" for tool in recorder.tools)
    assert {tool.tool_call_id for tool in recorder.tools} == {"call_01_docs"}
    assert recorder.tools[-1].state == "output-available"
    (tool,) = [part for part in end.parts if isinstance(part, ToolRecord)]
    assert tool.tool_name == "search_docs" and tool.output == {
        "hits": 2,
        "top": "collections.Counter",
    }
    assert [source.url for source in recorder.sources] == [
        "https://docs.python.org/3/library/collections.html"
    ]
    assert end.reasoning and "".join(recorder.text) == end.text

    # Saved before the front end heard of the end, and reopened with everything.
    assert recorder.saved_at_end is MessageStatus.COMPLETE
    stored = _stored(database, end.reply_id)
    assert (stored.text, stored.reasoning, stored.parts) == (end.text, end.reasoning, end.parts)
    assert session.message(end.reply_id).parts == end.parts


def _rate_limited(
    emulator: EmulatorServer, faults: int, retry_after: str, *, cancel_on_wait: bool = False
) -> tuple[ReplyEnd | None, Recorder, ChatSession, int]:
    """A reply to FIRST_AGENT after `faults` 429s: how it ended, what was heard, chat requests."""
    emulator.state.queue_faults(["rate-limit"] * faults)
    recorder = Recorder()
    session = ChatSession()
    end = _run(
        emulator,
        session,
        "hello",
        agent=FIRST_AGENT,
        observer=recorder,
        headers={"X-Emulator-Retry-After": retry_after},
        cancel_on_wait=cancel_on_wait,
    )
    chats = len([r for r in emulator.state.requests if "/agents/chat/" in r.path])
    return end, recorder, session, chats


def test_rate_limited_requests_are_retried_with_each_wait_announced(
    emulator: EmulatorServer,
) -> None:
    end, recorder, _, chats = _rate_limited(emulator, 2, "0")
    assert end is not None and end.status is MessageStatus.COMPLETE
    assert [wait.attempt for wait in recorder.waits] == [2, 3]
    assert {wait.reason for wait in recorder.waits} == {"rate-limited"}
    assert chats == 3


def test_rate_limit_retries_end_after_the_last_try_with_a_sentence(
    emulator: EmulatorServer,
) -> None:
    end, _, _, chats = _rate_limited(emulator, 10, "0")
    assert chats == 1 + SETTINGS.max_retries  # bounded: never forever
    assert end is not None and end.status is MessageStatus.ERROR
    assert end.problem is not None and end.problem.action is ErrorAction.RETRY
    assert "too many requests" in end.problem.sentence.lower()


def test_stop_during_a_retry_wait_ends_the_reply_at_once(emulator: EmulatorServer) -> None:
    end, recorder, session, chats = _rate_limited(emulator, 10, "20", cancel_on_wait=True)
    assert recorder.waits and recorder.waits[0].delay == 20.0
    assert end is not None and end.status is MessageStatus.STOPPED and end.problem is None
    assert chats == 1
    assert session.messages[-1].status is MessageStatus.STOPPED


def test_a_missing_key_is_the_replys_outcome_not_a_crash(emulator: EmulatorServer) -> None:
    from desktop_app.core.errors import MissingKeyError

    async def main() -> ReplyEnd:
        async def connect() -> AgentsGTClient:
            raise MissingKeyError("The profile 'Helper' has no key: edit the profile's keys.")

        session = ChatSession()
        run = ReplyRun(session, session.send("hi"), connect, FIRST_AGENT)
        return await run.run()

    end = asyncio.run(main())
    assert end.status is MessageStatus.ERROR and end.text == ""
    assert end.problem is not None and end.problem.action is ErrorAction.EDIT_KEYS


def test_an_unexpected_error_is_saved_then_raised(tmp_path: Path, history) -> None:
    database, writer, conversation_id = history
    session = ChatSession(log=DatabaseLog(database, conversation_id))
    recorder = Recorder()

    async def main() -> None:
        async def connect() -> AgentsGTClient:
            raise RuntimeError("a bug")

        run = ReplyRun(
            session, session.send("hi"), connect, FIRST_AGENT, observer=recorder, saver=writer
        )
        await run.run()

    with pytest.raises(RuntimeError, match="a bug"):
        asyncio.run(main())
    writer.flush(5.0)
    reply = session.messages[-1]
    assert reply.role is Role.ASSISTANT and reply.status is MessageStatus.ERROR
    assert _stored(database, reply.id).status is MessageStatus.ERROR
    assert len(recorder.ends) == 1
