"""The Qt-free conversation logic: whole-conversation requests, regenerate, edit, retry, status."""

from __future__ import annotations

import pytest

from desktop_app.core.chat_session import ChatSession, SessionMessage, reply_status
from desktop_app.core.errors import InvalidInputError
from desktop_app.core.events import Outcome, StreamResult
from desktop_app.core.models import ChatMessage, MessageStatus, Role


def _session(*messages: SessionMessage) -> ChatSession:
    return ChatSession(messages)


def _answer(session: ChatSession, text: str, status=MessageStatus.COMPLETE) -> None:
    reply = session.streaming_reply
    assert reply is not None
    session.finish_reply(reply.id, status, text=text)


def test_each_turn_sends_the_whole_conversation() -> None:
    session = _session()
    first = session.send("Hello")
    assert first.request == (ChatMessage(Role.USER, "Hello"),)
    assert first.reply.status is MessageStatus.STREAMING
    _answer(session, "Hi there")
    second = session.send("And now?")
    assert second.request == (
        ChatMessage(Role.USER, "Hello"),
        ChatMessage(Role.ASSISTANT, "Hi there"),
        ChatMessage(Role.USER, "And now?"),
    )
    assert second.user_message is not None and second.removed == ()


def test_partial_replies_stay_in_context_but_empty_failures_do_not() -> None:
    session = _session()
    session.send("one")
    _answer(session, "half an ans", MessageStatus.STOPPED)
    session.send("two")
    _answer(session, "", MessageStatus.ERROR)
    turn = session.send("three")
    assert [m.content for m in turn.request] == ["one", "half an ans", "two", "three"]


def test_blank_message_and_send_while_streaming_are_refused() -> None:
    session = _session()
    with pytest.raises(InvalidInputError):
        session.send("   \n")
    session.send("hi")
    with pytest.raises(InvalidInputError, match="Stop"):
        session.send("again")


def test_regenerate_replaces_the_last_reply() -> None:
    session = _session()
    session.send("q1")
    _answer(session, "a1")
    session.send("q2")
    _answer(session, "a2")
    old_reply = session.last_reply()
    turn = session.regenerate()
    assert turn.removed == (old_reply,)
    assert turn.truncate_position == 3
    assert turn.user_message is None
    assert [m.content for m in turn.request] == ["q1", "a1", "q2"]
    assert session.messages[-1] is turn.reply


def test_edit_drops_everything_after_and_resends() -> None:
    session = _session()
    first = session.send("q1")
    _answer(session, "a1")
    session.send("q2")
    _answer(session, "a2")
    assert first.user_message is not None
    turn = session.edit(first.user_message.id, "q1 edited")
    assert turn.truncate_position == 0
    assert len(turn.removed) == 4
    assert [m.content for m in turn.request] == ["q1 edited"]
    assert [m.text for m in session.messages] == ["q1 edited", ""]


def test_edit_refuses_replies_and_blank_text() -> None:
    session = _session()
    session.send("q1")
    _answer(session, "a1")
    reply = session.last_reply()
    assert reply is not None
    with pytest.raises(InvalidInputError):
        session.edit(reply.id, "x")
    with pytest.raises(InvalidInputError):
        session.edit(session.messages[0].id, " ")


def test_retry_a_failed_reply_in_the_middle_cuts_back_to_its_question() -> None:
    session = _session()
    session.send("q1")
    _answer(session, "", MessageStatus.ERROR)
    failed = session.last_reply()
    assert failed is not None
    session.send("q2")
    _answer(session, "a2")
    turn = session.retry(failed.id)
    assert [m.content for m in turn.request] == ["q1"]
    assert turn.truncate_position == 1
    assert len(turn.removed) == 3


def test_retry_of_an_interrupted_reply_loaded_from_storage() -> None:
    session = _session(
        SessionMessage("u1", Role.USER, "q"),
        SessionMessage("a1", Role.ASSISTANT, "partial", MessageStatus.INTERRUPTED),
    )
    turn = session.retry("a1")
    assert [m.content for m in turn.request] == ["q"]
    assert turn.removed[0].id == "a1"


def test_reply_status_from_outcome() -> None:
    assert reply_status(StreamResult(outcome=Outcome.COMPLETED)) is MessageStatus.COMPLETE
    assert reply_status(StreamResult(outcome=Outcome.ERROR)) is MessageStatus.ERROR
    assert reply_status(StreamResult(outcome=Outcome.ABORTED)) is MessageStatus.ABORTED
    assert reply_status(StreamResult(outcome=Outcome.INCOMPLETE)) is MessageStatus.INCOMPLETE
    assert reply_status(StreamResult(outcome=Outcome.COMPLETED), stopped=True) is (
        MessageStatus.STOPPED
    )
    assert reply_status(None, failed=True) is MessageStatus.ERROR


def test_finish_keeps_text_parts_and_sets_error() -> None:
    from desktop_app.core.storage.records import SourceRecord, ToolRecord

    session = _session()
    turn = session.send("q")
    parts = (ToolRecord("call-1", "search"), SourceRecord("s1", "https://example.com"))
    done = session.finish_reply(
        turn.reply.id,
        MessageStatus.ERROR,
        text="some text",
        reasoning="thinking",
        parts=parts,
        error_text="boom",
    )
    assert (done.text, done.reasoning, done.error_text) == ("some text", "thinking", "boom")
    assert done.parts == parts and session.message(turn.reply.id).parts == parts
    assert session.streaming_reply is None
