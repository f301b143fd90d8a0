"""Window odds and ends: no keyring, failure wording, server history, export, the empty state."""

from __future__ import annotations

from keyring.backends import fail

from desktop_app.core.error_text import ErrorAction
from desktop_app.core.models import MessageStatus
from desktop_app.core.secrets import SecretStore
from desktop_app.gui.export_dialog import ExportDialog
from tests.fixtures.qt import loop_settle, run_until
from tests.gui.window_helpers import (
    OFFSCREEN_NOISE,
    add_emulator_profile,
    last_reply,
    send,
    wait_reply,
)

pytestmark = OFFSCREEN_NOISE


def test_no_keyring_backend_is_said_at_start(make_window, qloop, no_os_keyring) -> None:
    window = make_window(start=False)
    window.services.secrets = SecretStore(fail.Keyring())
    window.start()
    loop_settle(qloop, window)
    # Shown above everything: on the welcome page too (there is no agent yet).
    error = window.keyring_banner.error
    assert error is not None and window.keyring_banner.isVisible()
    assert error.sentence.startswith("Keys can't be saved in a keyring: ")
    assert error.sentence.count("session only") == 1  # said once, by the problem or after it
    assert error.action is ErrorAction.EDIT_KEYS


def test_a_working_keyring_shows_no_banner(make_window) -> None:
    window = make_window()
    assert window.keyring_banner.isHidden() and window.banner.isHidden()


def test_an_http_failure_is_not_reported_as_the_agents_error(make_window, qloop, emulator) -> None:
    window = make_window()
    add_emulator_profile(window, emulator)
    send(window, "Hello #fault:server-error")
    wait_reply(qloop, window)
    reply = last_reply(window)
    assert reply.status is MessageStatus.ERROR
    status_line = window.transcript.document().toPlainText()
    assert "The AgentsGT service failed (HTTP 500)" in status_line
    assert "reported an error" not in status_line
    # A model error part is the agent's own report, and says so.
    send(window, "Hello #fault:error-part")
    wait_reply(qloop, window)
    assert "The agent reported an error" in window.transcript.document().toPlainText()


def test_welcome_state_hint_and_new_chat_disabled_without_a_profile(make_window, emulator) -> None:
    window = make_window()
    sidebar = window.sidebar
    assert not sidebar.no_profiles_label.isHidden()
    assert "No agents yet" in sidebar.no_profiles_label.text()
    assert sidebar.profile_list.isHidden()
    assert not sidebar.new_chat_button.isEnabled()
    assert not window.actions_.new_chat.isEnabled()
    add_emulator_profile(window, emulator)
    assert sidebar.no_profiles_label.isHidden() and not sidebar.profile_list.isHidden()
    assert sidebar.new_chat_button.isEnabled() and window.actions_.new_chat.isEnabled()


def test_export_opens_with_no_conversation_open(make_window, emulator) -> None:
    window = make_window()
    profile = add_emulator_profile(window, emulator)
    assert not window.actions_.export.isEnabled()  # no conversation saved: nothing to export
    window.services.database.create_conversation(profile.id, "Saved earlier")
    window.conversations.refresh()
    window.actions_.new_chat.trigger()
    assert window.chat.conversation_id is None
    assert window.actions_.export.isEnabled()  # the saved ones can still be exported
    window.actions_.export.trigger()
    dialogs = window.findChildren(ExportDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    dialogs[0].close()


def test_server_history_opens_and_an_imported_thread_is_opened(
    make_window, qloop, emulator
) -> None:
    emulator.state.reset(seed_history=False)
    window = make_window()
    add_emulator_profile(window, emulator)
    send(window, "Where do lemurs live?")
    wait_reply(qloop, window)
    window.actions_.new_chat.trigger()
    assert window.actions_.server_history.shortcut().toString() == "Ctrl+Shift+H"
    window.actions_.server_history.trigger()
    dialog = window.server_history_dialog
    assert dialog is not None and dialog.isVisible()
    run_until(qloop, lambda: not dialog.busy and dialog.threads(), message="server threads")
    dialog.thread_list.setCurrentRow(0)
    dialog.import_button.click()
    run_until(qloop, lambda: window.chat.conversation_id is not None, message="the import")
    imported = window.chat.conversation_id
    assert imported in window.sidebar.conversation_ids()
    assert "Where do lemurs live?" in window.transcript.document().toPlainText()
    dialog.close()


def test_right_click_on_a_conversation_in_the_started_window(make_window, qloop, emulator) -> None:
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    window = make_window(start=False)
    profile = add_emulator_profile(window, emulator)
    conversation = window.services.database.create_conversation(profile.id, "Right-click me")
    window.conversations.refresh()
    window.start()  # rows take right-clicks once the window has started (after its first paint)
    loop_settle(qloop, window)
    rows = window.sidebar.conversation_list
    point = rows.visualItemRect(rows.item(0)).center()
    viewport = rows.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    menu = window.conversation_actions.menu
    assert menu.isVisible()
    window.conversation_actions.delete_action.trigger()
    menu.hide()
    assert window.sidebar.conversation_ids() == []
    assert window.conversation_actions.undo_bar.isVisible()
    window.conversation_actions.undo()
    assert window.sidebar.conversation_ids() == [conversation.id]
