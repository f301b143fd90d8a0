"""What the window shows matches its state: the highlighted conversation, the status line, the
enabled commands, and the hint while the agent is silent."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop_app.gui.main_window import WAITING_TEXT
from tests.fixtures.qt import run_until
from tests.gui.window_helpers import OFFSCREEN_NOISE, add_emulator_profile, send, wait_reply

pytestmark = OFFSCREEN_NOISE


def _two_conversations(window, qloop) -> tuple[str, str]:
    send(window, "About apples")
    wait_reply(qloop, window)
    first = window.chat.conversation_id
    window.actions_.new_chat.trigger()
    send(window, "About bananas")
    wait_reply(qloop, window)
    return first, window.chat.conversation_id


def test_the_highlighted_row_stays_the_open_conversation_when_the_list_reorders(
    make_window, qloop, emulator
) -> None:
    window = make_window()
    add_emulator_profile(window, emulator)
    a, b = _two_conversations(window, qloop)
    window.sidebar.select_conversation(a)
    # A reply in A is still streaming when the user opens B: it stops and is saved in A,
    # which moves A to the top of the list.
    send(window, "Tell me more #tps:20 #tokens:400")
    run_until(qloop, lambda: window.transcript.message_count() == 4, message="the reply")
    window.sidebar.select_conversation(b)
    wait_reply(qloop, window)
    run_until(qloop, lambda: window.sidebar.conversation_ids()[0] == a, message="A moves up")
    assert window.chat.conversation_id == b
    assert window.sidebar.current_conversation_id() == b
    assert window.conversations.selected_id() == b
    # Rename (F2) and Delete on the list act on the highlighted row: B, the one shown.
    rows = window.sidebar.conversation_list
    QTest.keyClick(rows, Qt.Key.Key_F2)
    editor = window.conversation_actions.editor
    assert editor is not None
    editor.setText("Renamed B")
    window.conversation_actions.finish_rename(save=True)
    assert window.services.database.get_conversation(b).title == "Renamed B"
    assert window.services.database.get_conversation(a).title != "Renamed B"
    assert window.sidebar.current_conversation_id() == b  # still, after the rename's refresh
    QTest.keyClick(rows, Qt.Key.Key_Delete)
    assert window.sidebar.conversation_ids() == [a]
    assert window.chat.conversation_id is None  # the open one went: a new chat
    assert window.sidebar.current_conversation_id() is None


def test_a_new_chat_highlights_no_row(make_window, qloop, emulator) -> None:
    window = make_window()
    add_emulator_profile(window, emulator)
    _two_conversations(window, qloop)
    window.actions_.new_chat.trigger()
    assert window.sidebar.current_conversation_id() is None
    assert window.conversations.selected_id() is None


def test_the_status_line_is_cleared_when_the_conversation_or_profile_changes(
    make_window, qloop, emulator
) -> None:
    window = make_window()
    add_emulator_profile(window, emulator)
    a, _b = _two_conversations(window, qloop)
    assert window.status_label.text() == "Reply finished."
    window.sidebar.select_conversation(a)
    assert window.status_label.text() == ""
    window.actions_.copy_last_reply.trigger()
    assert window.status_label.text() == "Message copied."
    window.actions_.new_chat.trigger()
    assert window.status_label.text() == ""
    window.sidebar.select_conversation(a)
    window.actions_.copy_last_reply.trigger()
    assert window.status_label.text() == "Message copied."
    other = add_emulator_profile(window, emulator, name="Other", agent_index=1)
    assert window.chat.profile == other
    assert window.status_label.text() == ""


def test_commands_are_enabled_only_with_something_to_act_on(make_window, qloop, emulator) -> None:
    window = make_window()
    a = window.actions_
    # No agent: nothing to chat with, stop, copy or export.
    for action in (a.new_chat, a.stop, a.regenerate, a.copy_last_reply, a.export):
        assert not action.isEnabled(), action.text()
    add_emulator_profile(window, emulator)
    assert a.new_chat.isEnabled()
    for action in (a.stop, a.regenerate, a.copy_last_reply, a.copy_conversation, a.export):
        assert not action.isEnabled(), action.text()
    send(window, "Long one #tps:40 #tokens:200")
    assert a.stop.isEnabled()  # streaming
    assert not a.regenerate.isEnabled()  # not while a reply is written
    assert a.export.isEnabled()  # the conversation is saved from its first message
    wait_reply(qloop, window)
    assert not a.stop.isEnabled()
    for action in (a.regenerate, a.copy_last_reply, a.copy_conversation, a.export):
        assert action.isEnabled(), action.text()
    a.new_chat.trigger()  # an empty new chat: no reply to copy or write again
    assert not a.regenerate.isEnabled() and not a.copy_last_reply.isEnabled()
    assert not a.copy_conversation.isEnabled()
    assert a.export.isEnabled()  # the saved conversation can still be exported


def test_a_silent_agent_is_said_to_be_waited_for(make_window, qloop, emulator) -> None:
    window = make_window()
    window.stall_watch.set_interval(100)
    add_emulator_profile(window, emulator)
    # The emulator waits a second before its first token.
    send(window, "Hello #fault:slow-start #delay:1")
    run_until(qloop, lambda: window.status_label.text() == WAITING_TEXT, message="the hint")
    assert window.chat.streaming
    # The text comes: the hint goes.
    run_until(qloop, lambda: window.status_label.text() != WAITING_TEXT, message="the hint cleared")
    wait_reply(qloop, window)
    assert window.status_label.text() == "Reply finished."
    assert window.chat.session.last_reply().text
