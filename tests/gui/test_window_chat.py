"""The real main window against the real emulator: send, stream, stop, regenerate, edit."""

from __future__ import annotations

from desktop_app.core.models import MessageStatus, Role
from tests.fixtures.qt import run_until
from tests.gui.window_helpers import (
    OFFSCREEN_NOISE,
    add_emulator_profile,
    last_reply,
    send,
    wait_reply,
)

pytestmark = OFFSCREEN_NOISE


def test_reply_streams_in_with_several_repaints(make_window, qloop, emulator) -> None:
    window = make_window()
    add_emulator_profile(window, emulator)
    send(window, "Hello there #tps:300 #tokens:120")
    assert window.chat.streaming
    assert window.composer.stop_button.isEnabled()
    live = window.transcript._entries[window.chat.session.messages[-1].id].live
    seen_partial = []

    def progressed() -> bool:
        if live.repaint_count >= 1 and window.chat.streaming:
            seen_partial.append(live.repaint_count)
        return not window.chat.streaming

    run_until(qloop, progressed, timeout=15, message="the reply to finish")
    assert max(seen_partial) >= 3, "the reply should repaint several times while it streams"
    reply = last_reply(window)
    assert reply.status is MessageStatus.COMPLETE
    assert reply.text
    assert window.status_label.text() == "Reply finished."
    # Saved: the conversation and both messages are in the history database.
    window.services.writer.flush(5)
    stored = window.services.database.messages(window.chat.conversation_id)
    assert [m.role for m in stored] == [Role.USER, Role.ASSISTANT]
    assert stored[1].text == reply.text and stored[1].status is MessageStatus.COMPLETE
    assert window.sidebar.conversation_ids() == [window.chat.conversation_id]


def test_each_turn_sends_the_whole_conversation(make_window, qloop, emulator) -> None:
    window = make_window()
    add_emulator_profile(window, emulator)
    send(window, "First question")
    wait_reply(qloop, window)
    send(window, "Second question")
    wait_reply(qloop, window)
    chat_requests = [r for r in emulator.state.requests if "/agents/chat/" in r.path]
    body = chat_requests[-1].body
    roles = [m["role"] for m in body["messages"]]
    assert roles == ["user", "assistant", "user"]
    assert body["messages"][0]["content"] == "First question"


def test_stop_keeps_the_partial_reply_marked_stopped(make_window, qloop, emulator) -> None:
    window = make_window()
    add_emulator_profile(window, emulator)
    send(window, "Tell me a long story #tps:100 #tokens:5000")
    run_until(
        qloop,
        lambda: len(window.transcript.message_plain_text(window.chat.session.messages[-1].id)) > 20,
        message="some text",
    )
    window.actions_.stop.trigger()
    wait_reply(qloop, window, timeout=3)
    reply = last_reply(window)
    assert reply.status is MessageStatus.STOPPED
    assert reply.text, "the partial text is kept"
    assert window.banner.isHidden(), "Stop is not an error"
    window.services.writer.flush(5)
    stored = window.services.database.messages(window.chat.conversation_id)[-1]
    assert stored.status is MessageStatus.STOPPED and stored.text == reply.text


def test_regenerate_replaces_the_last_reply(make_window, qloop, emulator) -> None:
    window = make_window()
    add_emulator_profile(window, emulator)
    send(window, "Question")
    wait_reply(qloop, window)
    window.actions_.regenerate.trigger()
    assert window.chat.streaming
    wait_reply(qloop, window)
    messages = window.chat.session.messages
    assert [m.role for m in messages] == [Role.USER, Role.ASSISTANT]
    chats = [r for r in emulator.state.requests if "/agents/chat/" in r.path]
    assert len(chats) == 2
    assert [m["content"] for m in chats[-1].body["messages"]] == ["Question"]
    assert messages[-1].status is MessageStatus.COMPLETE
    stored = window.services.database.messages(window.chat.conversation_id)
    assert len(stored) == 2


def test_edit_and_resend_from_a_message(make_window, qloop, emulator) -> None:
    window = make_window()
    add_emulator_profile(window, emulator)
    send(window, "Original one")
    wait_reply(qloop, window)
    send(window, "Original two")
    wait_reply(qloop, window)
    first_user = window.chat.session.messages[0]
    window.transcript.edit_requested.emit(first_user.id)
    assert window.composer.editor.toPlainText() == "Original one"
    assert window.edit_row.isVisible()
    window.composer.editor.setPlainText("Edited question")
    window.composer.send_button.click()
    wait_reply(qloop, window)
    texts = [(m.role, m.text) for m in window.chat.session.messages]
    assert len(texts) == 2 and texts[0] == (Role.USER, "Edited question")
    body = [r for r in emulator.state.requests if "/agents/chat/" in r.path][-1].body
    assert [m["content"] for m in body["messages"]] == ["Edited question"]
    stored = window.services.database.messages(window.chat.conversation_id)
    assert stored[0].text == "Edited question" and len(stored) == 2
