"""Window features: IME-safe Enter, drafts, links, hostile replies, demo, interrupted replies."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QInputMethodEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.core.models import MessageStatus, Role
from desktop_app.gui.demo import DEMO_GREETING, DEMO_PROFILE_ID
from tests.fixtures.qt import run_until
from tests.gui.window_helpers import (
    OFFSCREEN_NOISE,
    add_emulator_profile,
    last_reply,
    send,
    wait_reply,
)

pytestmark = OFFSCREEN_NOISE


def test_enter_sends_shift_enter_breaks_and_ime_composition_does_not_send(
    make_window, qloop, qtbot, emulator
) -> None:
    window = make_window()
    add_emulator_profile(window, emulator)
    editor = window.composer.editor
    sent = []
    editor.submitted.connect(lambda: sent.append(True))
    editor.setFocus()
    # An input method is composing: Enter confirms the composition, it must not send.
    QApplication.sendEvent(editor, QInputMethodEvent("にほん", []))
    assert editor.composing
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert sent == []
    commit = QInputMethodEvent("", [])
    commit.setCommitString("日本")
    QApplication.sendEvent(editor, commit)
    assert not editor.composing
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert sent == [] and "\n" in editor.toPlainText()
    qtbot.keyClicks(editor, "line two")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert sent == [True]
    wait_reply(qloop, window)
    assert window.chat.session.messages[0].text == "日本\nline two"
    assert editor.toPlainText() == ""


def test_ctrl_enter_setting(make_window, qtbot) -> None:
    window = make_window()
    editor = window.composer.editor
    editor.set_send_shortcut("ctrl_enter")
    sent = []
    editor.submitted.connect(lambda: sent.append(True))
    qtbot.keyClicks(editor, "a")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert sent == [] and editor.toPlainText() == "a\n"
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert sent == [True]


def test_drafts_are_kept_per_conversation(make_window, qloop, emulator) -> None:
    window = make_window()
    add_emulator_profile(window, emulator)
    send(window, "first conversation")
    wait_reply(qloop, window)
    first = window.chat.conversation_id
    window.actions_.new_chat.trigger()
    send(window, "second conversation")
    wait_reply(qloop, window)
    second = window.chat.conversation_id
    assert window.sidebar.conversation_ids() == [second, first]  # newest first
    window.composer.editor.setPlainText("draft for the second")
    window.sidebar.select_conversation(first)
    assert window.chat.conversation_id == first
    assert window.composer.editor.toPlainText() == ""
    window.composer.editor.setPlainText("draft for the first")
    window.sidebar.select_conversation(second)
    assert window.composer.editor.toPlainText() == "draft for the second"
    window.sidebar.select_conversation(first)
    assert window.composer.editor.toPlainText() == "draft for the first"
    window.save_ui_state()
    saved = window.services.ui_state_store.load()
    assert saved.draft(first) == "draft for the first"
    assert saved.draft(second) == "draft for the second"


def test_links_ask_first_and_only_open_web_and_mail(make_window, qloop) -> None:
    opened: list[QUrl] = []
    window = make_window(opener=opened.append)
    window.transcript.link_activated.emit(QUrl("javascript:alert(1)"))
    window.transcript.link_activated.emit(QUrl("file:///etc/passwd"))
    assert window.links.dialog is None and opened == []
    url = QUrl("https://example.com/path?q=1#frag")
    window.transcript.link_activated.emit(url)
    dialog = window.links.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.informativeText() == "https://example.com/path?q=1#frag"
    dialog.done(QMessageBox.StandardButton.Cancel.value)
    assert opened == []
    window.transcript.link_activated.emit(QUrl("mailto:help@example.com"))
    window.links.dialog.done(QMessageBox.StandardButton.Open.value)
    assert opened == [QUrl("mailto:help@example.com")]


def test_hostile_content_is_shown_as_text(make_window, qloop, emulator) -> None:
    window = make_window()
    add_emulator_profile(window, emulator)
    hostile = (
        '<img src="http://127.0.0.1:9/x.png" onerror="alert(1)"> <script>alert(2)</script> '
        "[click me](javascript:alert(3)) ![pic](http://127.0.0.1:9/p.png)"
    )
    send(window, hostile)
    wait_reply(qloop, window)
    text = window.transcript.document().toPlainText()
    assert "<script>alert(2)</script>" in text  # shown literally, never run or hidden
    html = window.transcript.document().toHtml()
    assert "javascript:" not in html.replace("javascript:alert(3)", "")
    assert 'href="javascript' not in html
    assert "<img" not in html.lower().replace("&lt;img", "")


def test_demo_mode_streams_with_no_account(make_window, qloop, memory_keyring) -> None:
    window = make_window(start=False)
    window.start(demo=True)
    run_until(qloop, lambda: not window.tasks.tasks, timeout=10, message="the demo")
    assert window.demo.running
    assert window.chat.profile is not None and window.chat.profile.id == DEMO_PROFILE_ID
    assert window.pages.currentWidget() is window.chat_page
    # A first demo on an empty history greets the agent by itself: a reply streams in at once.
    wait_reply(qloop, window)
    greeting = last_reply(window)
    assert greeting.status is MessageStatus.COMPLETE and DEMO_GREETING in greeting.text
    send(window, "Hello demo")
    wait_reply(qloop, window)
    assert last_reply(window).status is MessageStatus.COMPLETE
    assert "Hello demo" in last_reply(window).text and "turn 2" in last_reply(window).text
    assert memory_keyring.entries == {}, "demo keys never go to the keyring"


def test_demo_does_not_greet_again_when_history_exists(make_window, qloop) -> None:
    window = make_window(start=False)
    window.start(demo=True)
    run_until(qloop, lambda: not window.tasks.tasks, timeout=10, message="the demo")
    wait_reply(qloop, window)
    conversations = window.services.database.list_conversations(DEMO_PROFILE_ID)
    window.chat.new_chat()
    window.start_demo()
    run_until(qloop, lambda: not window.tasks.tasks, timeout=10, message="the demo again")
    assert not window.chat.streaming
    assert window.services.database.list_conversations(DEMO_PROFILE_ID) == conversations


def test_welcome_demo_button(make_window, qloop) -> None:
    window = make_window()
    assert window.pages.currentWidget() is window.welcome
    window.welcome.demo_button.click()
    run_until(qloop, lambda: not window.tasks.tasks, timeout=10, message="the demo")
    assert window.pages.currentWidget() is window.chat_page
    wait_reply(qloop, window)  # the greeting a first demo sends by itself
    assert DEMO_GREETING in last_reply(window).text


def test_interrupted_replies_are_marked_and_offered_for_retry(make_window, qloop, emulator) -> None:
    window = make_window(start=False)
    profile = add_emulator_profile(window, emulator)
    database = window.services.database
    conversation = database.create_conversation(profile.id, "Crashed chat")
    database.add_message(conversation.id, Role.USER, "Are you there?")
    database.add_message(
        conversation.id, Role.ASSISTANT, "I was say", status=MessageStatus.STREAMING
    )
    window.chat.open_conversation(conversation.id)
    window.start()
    assert "interrupted" in window.status_label.text()
    reply = last_reply(window)
    assert reply.status is MessageStatus.INTERRUPTED and reply.text == "I was say"
    assert window.banner.isVisible() and window.banner.retry_button.isVisible()
    window.banner.retry_button.click()
    wait_reply(qloop, window)
    assert last_reply(window).status is MessageStatus.COMPLETE


def test_shortcuts_and_accessible_names(make_window) -> None:
    window = make_window()
    actions = window.actions_
    expected = {
        actions.new_chat: QKeySequence(QKeySequence.StandardKey.New),
        actions.stop: QKeySequence("Esc"),
        actions.find: QKeySequence(QKeySequence.StandardKey.Find),
        actions.switch_agent: QKeySequence("Ctrl+K"),
        actions.copy_last_reply: QKeySequence("Ctrl+Shift+C"),
        actions.settings: QKeySequence("Ctrl+,"),
    }
    for action, sequence in expected.items():
        assert action.shortcut() == sequence, action.text()
    for widget in (
        window.composer.editor,
        window.composer.send_button,
        window.composer.stop_button,
        window.sidebar.profile_list,
        window.sidebar.conversation_list,
        window.sidebar.new_chat_button,
        window.status_label,
        window.find_bar,
        window.transcript,
    ):
        assert widget.accessibleName(), widget


def test_geometry_and_splitter_are_remembered(make_window) -> None:
    window = make_window()
    window.resize(900, 600)
    window.splitter.setSizes([300, 600])
    window.close()
    again = make_window()
    # Restored within a few pixels (the window lays the splitter out again around its handle).
    assert abs(again.splitter.sizes()[0] - 300) <= 10
    assert again.services.ui_state.geometry_bytes()


def test_copy_last_reply_and_find(make_window, qloop, emulator) -> None:
    window = make_window()
    add_emulator_profile(window, emulator)
    send(window, "Copy me")
    wait_reply(qloop, window)
    QApplication.clipboard().clear()
    window.actions_.copy_last_reply.trigger()
    assert "Copy me" in QApplication.clipboard().text()
    assert window.toast is not None and window.toast.isVisible()  # a short "copied" notice
    assert window.toast.text() == "Message copied"
    QApplication.clipboard().clear()
    window.actions_.copy_conversation.trigger()
    mime = QApplication.clipboard().mimeData()
    assert mime.hasHtml() and "Copy me" in mime.text()  # rich and Markdown together
    assert window.toast.text() == "Conversation copied"
    window.actions_.find.trigger()
    assert window.find_bar.isVisible()
    window.find_bar.edit.setText("Copy me")
    QTest.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert window.find_bar.match_count >= 1
    assert not window.actions_.stop.isEnabled()  # nothing streams: nothing to stop
    QTest.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)  # Esc closes the find bar instead
    assert window.find_bar.isHidden()


def test_search_opens_the_conversation_of_a_result(make_window, qloop, emulator) -> None:
    window = make_window()
    add_emulator_profile(window, emulator)
    send(window, "Where is the platypus?")
    wait_reply(qloop, window)
    found = window.chat.conversation_id
    window.actions_.new_chat.trigger()
    assert window.chat.conversation_id is None
    dialog = window.open_search()
    dialog.query_edit.setText("platypus")
    run_until(qloop, lambda: dialog.hits(), message="search results")
    hit = dialog.hits()[0]
    dialog.result_chosen.emit(hit.conversation_id, str(hit.message_id), "platypus")
    assert window.chat.conversation_id == found
    dialog.close()
